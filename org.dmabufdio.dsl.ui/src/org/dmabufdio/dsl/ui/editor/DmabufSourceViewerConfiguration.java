package org.dmabufdio.dsl.ui.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.ui.texteditor.ITextEditor;

import com.google.inject.Injector;

/** Wires highlighting, live validation, content assist, quick fixes and hovers into the editor's source viewer. */
class DmabufSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** How long typing must pause before the text is validated again. */
	private static final int RECONCILE_DELAY_MS = 300;

	private final ITextEditor editor;
	private final Injector injector;

	DmabufSourceViewerConfiguration(ITextEditor editor, Injector injector, IPreferenceStore preferences) {
		super(preferences);
		this.editor = editor;
		this.injector = injector;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(new LexerTokenScanner(injector));
		reconciler.setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		reconciler.setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		return reconciler;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setContentAssistProcessor(new CompletionProcessor(editor, injector), IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enablePrefixCompletion(true);
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new ScenarioQuickAssistProcessor(editor, injector));
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new ScenarioTextHover(editor, injector);
	}

	@Override
	public IReconciler getReconciler(ISourceViewer sourceViewer) {
		MonoReconciler reconciler = new MonoReconciler(new ValidatingReconcileStrategy(editor, injector), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}
}
