package org.dmabufdio.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.ide.contentassist.Completions;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

/**
 * Ctrl+Space in the editor: the language's content assist ({@link Completions} of the .ide
 * bundle) on the text as it is on screen, each entry replacing the prefix typed so far.
 */
public class CompletionProcessor extends EditorLanguageService<Completions> implements IContentAssistProcessor {

	public CompletionProcessor(ITextEditor editor, Injector injector) {
		super(editor, injector, Completions.class);
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		XtextResource resource = parse(viewer.getDocument());
		if (resource == null) {
			return new ICompletionProposal[0];
		}
		String text = viewer.getDocument().get();
		List<ICompletionProposal> out = new ArrayList<>();
		for (ContentAssistEntry e : language.at(resource, text, offset)) {
			String prefix = e.getPrefix() == null ? "" : e.getPrefix();
			String label = e.getLabel() != null ? e.getLabel() : e.getProposal();
			String shown = e.getDescription() == null || e.getDescription().isEmpty() ? label
					: label + " - " + e.getDescription();
			out.add(new CompletionProposal(e.getProposal(), offset - prefix.length(), prefix.length(),
					e.getProposal().length(), null, shown, null, e.getDescription()));
		}
		return out.toArray(new ICompletionProposal[0]);
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
