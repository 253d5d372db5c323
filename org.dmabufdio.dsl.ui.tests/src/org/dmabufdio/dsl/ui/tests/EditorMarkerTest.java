package org.dmabufdio.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.dmabufdio.dsl.ui.editor.DmabufEditor;
import org.dmabufdio.dsl.ui.internal.ProblemMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live validation in the editor: a typing error shows as a marker at its line, and goes away; Ctrl+1 fixes what it can. */
class EditorMarkerTest {

	private static final String VALID = """
			// a valid scenario
			scenario "baseline" {
			    kernel baseline
			    file model.bin size 16M
			    alloc 16M from system heap; mmap; read O_DIRECT model.bin
			    assert fails EFAULT
			}
			""";

	@RegisterExtension
	final TestProject project = new TestProject("editor-test");

	@Test
	void markerAppearsAtTheBrokenLineAndGoesWhenFixed() throws Exception {
		IFile file = project.file("card.dmabuf", VALID);
		IEditorPart editor = TestProject.open(file);
		assertInstanceOf(DmabufEditor.class, editor);
		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		TestProject.waitFor("the valid file has no markers", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 0);

		// line 5 is the alloc/mmap/read line: misspell 'mmap'
		int offset = document.get().indexOf("mmap;");
		document.replace(offset, "mmap".length(), "mmpa");
		TestProject.waitFor("a marker appears while typing", () -> TestProject.markers(file, ProblemMarkers.TYPE).length > 0);
		IMarker marker = TestProject.markers(file, ProblemMarkers.TYPE)[0];
		assertEquals(5, marker.getAttribute(IMarker.LINE_NUMBER, -1), "marker line: " + marker.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));

		document.replace(offset, "mmpa".length(), "mmap");
		TestProject.waitFor("the marker goes when the error is fixed", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 0);
		assertTrue(file.exists());
	}

	@Test
	void ctrl1OffersTheFixAndApplyingItRemovesTheMarker() throws Exception {
		IEditorPart part = project.open("typo.dmabuf", VALID.replace("kernel baseline", "kernel baselin"));
		DmabufEditor editor = assertInstanceOf(DmabufEditor.class, part);
		IFile file = TestProject.fileOf(part);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		TestProject.waitFor("the typo is marked", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 1);

		int offset = document.get().indexOf("kernel baselin") + "kernel ba".length();
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
		ICompletionProposal[] fixes = editor.quickAssistProcessor()
				.computeQuickAssistProposals(new TextInvocationContext((ISourceViewer) viewer, offset, 0));
		assertEquals(List.of("Change to 'baseline'"), Arrays.stream(fixes).map(ICompletionProposal::getDisplayString).toList());
		fixes[0].apply(document);
		assertEquals(VALID, document.get());
		TestProject.waitFor("the marker goes with the fix", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 0);
	}

	@Test
	void theProblemsViewQuickFixRepairsTheOpenEditorsText() throws Exception {
		IEditorPart part = project.open("typo2.dmabuf", VALID.replace("fails EFAULT", "fails EFALT"));
		IFile file = TestProject.fileOf(part);
		IDocument document = ((ITextEditor) part).getDocumentProvider().getDocument(part.getEditorInput());
		TestProject.waitFor("the typo is marked", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 1);

		IMarker marker = TestProject.markers(file, ProblemMarkers.TYPE)[0];
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertEquals(List.of("Change to 'EFAULT'"), Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList());
		resolutions[0].run(marker);
		assertEquals(VALID, document.get());
		TestProject.waitFor("the marker goes with the fix", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 0);
	}

	/** The project is the suite's root: an import that leaves it is marked, and nothing outside is read. */
	@Test
	void anImportLeavingTheProjectIsMarked() throws Exception {
		IFile file = project.file("leaves.dmabuf", "import \"../elsewhere.dmabuf\"\n" + VALID);
		TestProject.open(file);
		TestProject.waitFor("the import is marked", () -> TestProject.markers(file, ProblemMarkers.TYPE).length == 1);
		IMarker marker = TestProject.markers(file, ProblemMarkers.TYPE)[0];
		assertEquals(1, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		String message = marker.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.startsWith("cannot import \"../elsewhere.dmabuf\": it leaves the suite's root ("), message);
		assertTrue(message.endsWith("editor-test)"), message);
	}
}
