package org.dmabufdio.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.ide.quickfix.QuickFixes;
import org.dmabufdio.dsl.ui.internal.ProblemMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import com.google.inject.Injector;

/**
 * Ctrl+1 in the editor: the language's {@link QuickFixes} for the problem markers at the caret
 * (a misspelled kernel, device, errno, hazard, counter ...; a size or duration without a unit),
 * computed on the text as it stands and applied in place.
 */
public class ScenarioQuickAssistProcessor extends EditorLanguageService<QuickFixes> implements IQuickAssistProcessor {

	public ScenarioQuickAssistProcessor(ITextEditor editor, Injector injector) {
		super(editor, injector, QuickFixes.class);
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IFile file = file();
		if (file == null || context.getSourceViewer() == null) {
			return new ICompletionProposal[0];
		}
		int offset = context.getOffset();
		List<ICompletionProposal> out = new ArrayList<>();
		for (IMarker m : markers(file)) {
			if (offset < m.getAttribute(IMarker.CHAR_START, -1) || offset > m.getAttribute(IMarker.CHAR_END, -1)) {
				continue;
			}
			for (QuickFixes.Fix fix : ProblemMarkers.fixes(m, language, () -> parse(context.getSourceViewer().getDocument()))) {
				out.add(new CompletionProposal(fix.text(), fix.offset(), fix.length(), fix.text().length(), null,
						fix.label(), null, null));
			}
		}
		return out.toArray(new ICompletionProposal[0]);
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		if (!(annotation instanceof MarkerAnnotation ma)) {
			return false;
		}
		try {
			return ProblemMarkers.TYPE.equals(ma.getMarker().getType());
		} catch (CoreException e) {
			return false;
		}
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}
}
