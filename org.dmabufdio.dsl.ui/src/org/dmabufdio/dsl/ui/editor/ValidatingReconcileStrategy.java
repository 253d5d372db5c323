package org.dmabufdio.dsl.ui.editor;

import java.util.List;

import org.dmabufdio.dsl.ui.internal.ProblemMarkers;
import org.dmabufdio.dsl.ui.run.ResultMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Parses and validates the editor's text whenever typing pauses, and publishes the issues as
 * problem markers on the file, so they show in the editor's ruler and the Problems view; an
 * edit also removes the markers of the last run, which belong to the text before it.
 */
class ValidatingReconcileStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final ITextEditor editor;
	private final DocumentResources resources;
	private IDocument document;
	private IProgressMonitor monitor;

	ValidatingReconcileStrategy(ITextEditor editor, Injector injector) {
		this.editor = editor;
		this.resources = new DocumentResources(injector);
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		validate();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		edited();
	}

	@Override
	public void reconcile(IRegion partition) {
		edited();
	}

	/** The text changed: the last run's markers belong to the old text. */
	private void edited() {
		if (editor.getEditorInput() instanceof IFileEditorInput input) {
			ResultMarkers.clear(input.getFile());
		}
		validate();
	}

	private void validate() {
		if (document == null || !(editor.getEditorInput() instanceof IFileEditorInput input)) {
			return;
		}
		IFile file = input.getFile();
		List<Issue> issues = check(file, document.get());
		if (issues != null) {
			ProblemMarkers.replace(file, issues);
		}
	}

	/** The issues of {@code text} as the content of {@code file}; null if cancelled. */
	private List<Issue> check(IFile file, String text) {
		XtextResource resource = resources.parse(file, text);
		CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
		List<Issue> issues = resources.validate(resource, cancel);
		return cancel.isCanceled() ? null : issues;
	}
}
