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
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

/**
 * Ctrl+1 in the editor: the language's {@link QuickFixes} for the problem markers at the caret
 * (a misspelled kernel, device, errno, hazard, counter ...; a size or duration without a unit),
 * computed on the text as it stands and applied in place.
 */
public class ScenarioQuickAssistProcessor implements IQuickAssistProcessor {

	private final ITextEditor editor;
	private final DocumentResources resources;
	private final QuickFixes quickFixes;

	public ScenarioQuickAssistProcessor(ITextEditor editor, Injector injector) {
		this.editor = editor;
		this.resources = new DocumentResources(injector);
		this.quickFixes = injector.getInstance(QuickFixes.class);
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		if (!(editor.getEditorInput() instanceof IFileEditorInput input) || context.getSourceViewer() == null) {
			return new ICompletionProposal[0];
		}
		IFile file = input.getFile();
		int offset = context.getOffset();
		List<ICompletionProposal> out = new ArrayList<>();
		XtextResource resource = null;
		for (IMarker m : markers(file)) {
			int start = m.getAttribute(IMarker.CHAR_START, -1);
			int end = m.getAttribute(IMarker.CHAR_END, -1);
			if (start < 0 || offset < start || offset > end) {
				continue;
			}
			if (resource == null) {
				resource = resources.parse(file, context.getSourceViewer().getDocument().get());
			}
			for (QuickFixes.Fix fix : quickFixes.of(resource, m.getAttribute(ProblemMarkers.CODE, null),
					m.getAttribute(IMarker.MESSAGE, ""), start, end - start)) {
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
