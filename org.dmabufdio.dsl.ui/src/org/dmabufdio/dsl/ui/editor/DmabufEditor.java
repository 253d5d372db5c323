package org.dmabufdio.dsl.ui.editor;

import java.util.ListResourceBundle;

import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;

/** The text editor for {@code *.dmabuf} scenario files. */
public class DmabufEditor extends TextEditor {

	public static final String ID = "org.dmabufdio.dsl.ui.editor";
	/** The action Ctrl+Space runs. */
	public static final String CONTENT_ASSIST = "ContentAssistProposal";

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new DmabufSourceViewerConfiguration(this,
				DmabufUiPlugin.getDefault().getInjector(), getPreferenceStore()));
	}

	/** What Ctrl+1 proposes from. */
	public IQuickAssistProcessor quickAssistProcessor() {
		return getSourceViewerConfiguration().getQuickAssistAssistant(getSourceViewer()).getQuickAssistProcessor();
	}

	/** The hover the source viewer shows over its text. */
	public ITextHover textHover() {
		return getSourceViewerConfiguration().getTextHover(getSourceViewer(), IDocument.DEFAULT_CONTENT_TYPE);
	}

	@Override
	protected void createActions() {
		super.createActions();
		ContentAssistAction assist = new ContentAssistAction(new ListResourceBundle() {
			@Override
			protected Object[][] getContents() {
				return new Object[][] { { "ContentAssistProposal.label", "Content Assist" } };
			}
		}, "ContentAssistProposal.", this);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction(CONTENT_ASSIST, assist);
	}
}
