package org.dmabufdio.dsl.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

/**
 * What the editor's language services (content assist, hovers, quick fixes) share: the editor,
 * its text parsed as the content of the file it shows, so they answer for what is on screen, and
 * the .ide service ({@code S}) each one calls.
 */
abstract class EditorLanguageService<S> {

	private final ITextEditor editor;
	private final DocumentResources resources;
	/** The language's service this editor service calls. */
	protected final S language;

	EditorLanguageService(ITextEditor editor, Injector injector, Class<S> service) {
		this.editor = editor;
		this.resources = new DocumentResources(injector);
		this.language = injector.getInstance(service);
	}

	/** The workspace file the editor shows, or null (a file outside the workspace). */
	protected IFile file() {
		return editor.getEditorInput() instanceof IFileEditorInput input ? input.getFile() : null;
	}

	/** {@code document}'s text parsed as the editor's file; null if there is no document or file. */
	protected XtextResource parse(IDocument document) {
		IFile file = file();
		return file == null || document == null ? null : resources.parse(file, document.get());
	}
}
