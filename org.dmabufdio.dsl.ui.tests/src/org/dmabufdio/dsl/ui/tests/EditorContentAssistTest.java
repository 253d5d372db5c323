package org.dmabufdio.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.dmabufdio.dsl.ui.editor.CompletionProcessor;
import org.dmabufdio.dsl.ui.editor.DmabufEditor;
import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ctrl+Space in the editor: the language's proposals, with their descriptions, applied in place; and its hovers. */
class EditorContentAssistTest {

	@RegisterExtension
	final TestProject project = new TestProject("assist-test");

	@Test
	void kernelVariantsAreProposedAndTheChosenOneReplacesThePrefix() throws Exception {
		String text = "scenario \"k\" {\n    kernel dma\n}\n";
		IEditorPart part = TestProject.open(project.file("k.dmabuf", text));
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

		// the hover reads the text as typed, not the file on disk
		int over = document.get().indexOf("dmabuf_dio_mmap") + 3;
		ITextHover hover = editor.textHover();
		IRegion word = hover.getHoverRegion(viewer, over);
		assertEquals(document.get().indexOf("dmabuf_dio_mmap"), word.getOffset());
		assertEquals("dmabuf_dio_mmap".length(), word.getLength());
		assertEquals("kernel dmabuf_dio_mmap: seed patch 1 alone: vm_insert_page(), accounting unchanged",
				hover.getHoverInfo(viewer, word));
		assertNull(hover.getHoverRegion(viewer, document.get().indexOf("kernel")), "no hover over a keyword");
	}
}
