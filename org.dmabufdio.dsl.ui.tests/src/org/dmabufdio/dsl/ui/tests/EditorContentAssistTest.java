package org.dmabufdio.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.dmabufdio.dsl.ui.editor.CompletionProcessor;
import org.dmabufdio.dsl.ui.editor.DmabufEditor;
import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ctrl+Space in the editor: the language's proposals, with their descriptions, applied in place. */
class EditorContentAssistTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("assist-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void kernelVariantsAreProposedAndTheChosenOneReplacesThePrefix() throws Exception {
		IFile file = project.getFile("k.dmabuf");
		String text = "scenario \"k\" {\n    kernel dma\n}\n";
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		IEditorPart part = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
		DmabufEditor editor = assertInstanceOf(DmabufEditor.class, part);
		assertNotNull(editor.getAction(DmabufEditor.CONTENT_ASSIST), "Ctrl+Space has an action");
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		assertTrue(((ITextOperationTarget) viewer).canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS),
				"the source viewer has a content assistant");

		int offset = text.indexOf("dma") + "dma".length();
		ICompletionProposal[] proposals = new CompletionProcessor(editor, DmabufUiPlugin.getDefault().getInjector())
				.computeCompletionProposals(viewer, offset);
		List<String> shown = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).sorted().toList();
		assertEquals(List.of("dmabuf_dio - seed patches 1 and 2: vm_insert_page() and VM_DMABUF_DIO",
				"dmabuf_dio_mmap - seed patch 1 alone: vm_insert_page(), accounting unchanged"), shown);

		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		ICompletionProposal patch1 = Arrays.stream(proposals)
				.filter(p -> p.getDisplayString().startsWith("dmabuf_dio_mmap")).findFirst().orElseThrow();
		patch1.apply(document);
		assertEquals("scenario \"k\" {\n    kernel dmabuf_dio_mmap\n}\n", document.get());
	}
}
