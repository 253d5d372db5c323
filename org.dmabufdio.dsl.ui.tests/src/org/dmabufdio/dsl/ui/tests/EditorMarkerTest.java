package org.dmabufdio.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.dsl.ui.editor.DmabufEditor;
import org.dmabufdio.dsl.ui.internal.ProblemMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live validation in the editor: a typing error shows as a marker at its line, and goes away. */
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
}
