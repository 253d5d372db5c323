package org.dmabufdio.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.Verdict;
import org.dmabufdio.dsl.ui.run.ResultMarkers;
import org.dmabufdio.dsl.ui.run.ResultsView;
import org.dmabufdio.dsl.ui.run.RunScenariosHandler;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Running a file from its editor: the command runs what the editor shows, the results view lists
 * every run, a failure becomes a marker at its statement and goes when the text is edited, and a
 * file with errors does not run.
 */
class EditorRunTest {

	private static final String TWO = """
			scenario "passes" {
			    device qemu_virtio
			    kernel baseline
			    file model.bin size 16M
			    alloc 16M from system heap; mmap; read O_DIRECT model.bin
			    assert fails EFAULT
			}

			scenario "fails" {
			    device qemu_virtio
			    kernel baseline
			    file model.bin size 16M
			    alloc 16M from system heap; mmap; read O_DIRECT model.bin
			    assert ok
			}
			""";

	@RegisterExtension
	final TestProject project = new TestProject("run-test");

	@Test
	void theCommandRunsTheFileAndShowsEveryRun() throws Exception {
		IEditorPart editor = project.open("two.dmabuf", TWO);
		IFile file = TestProject.fileOf(editor);
		run(editor);
		ResultsView view = resultsView(editor);
		TestProject.waitFor("the results view shows two runs", () -> view.results().size() == 2);
		List<ScenarioResult> results = view.results();
		assertEquals(List.of("passes", "fails"), results.stream().map(ScenarioResult::name).toList());
		assertEquals(List.of(Verdict.PASS, Verdict.FAIL), results.stream().map(ScenarioResult::status).toList());
		assertTrue(view.summaryText().endsWith("2 scenario runs: 1 pass 1 fail 0 xfail 0 skip 0 error"), view.summaryText());

		TestProject.waitFor("a marker at the failed read", () -> TestProject.markers(file, ResultMarkers.TYPE).length == 1);
		IMarker marker = TestProject.markers(file, ResultMarkers.TYPE)[0];
		assertEquals(13, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals("fails: fail: read O_DIRECT model.bin failed with EFAULT, which no assertion expects",
				marker.getAttribute(IMarker.MESSAGE, ""));

		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		document.replace(document.get().indexOf("assert ok"), "assert ok".length(), "assert fails EFAULT");
		TestProject.waitFor("the marker goes with an edit", () -> TestProject.markers(file, ResultMarkers.TYPE).length == 0);

		assertTrue(view.runAgain(), "Run Again runs the last file");
		TestProject.waitFor("the edited text ran", () -> view.summaryText().endsWith("2 scenario runs: 2 pass 0 fail 0 xfail 0 skip 0 error"));
		assertEquals(0, TestProject.markers(file, ResultMarkers.TYPE).length);
	}

	@Test
	void aFileWithErrorsDoesNotRun() throws Exception {
		IEditorPart editor = project.open("broken.dmabuf", TWO.replace("alloc 16M", "alloc 16"));
		run(editor);
		ResultsView view = resultsView(editor);
		TestProject.waitFor("the view says why nothing ran", () -> view.summaryText().contains("not run"));
		assertTrue(view.summaryText().endsWith("2 errors in broken.dmabuf: not run (see the Problems view)"), view.summaryText());
		assertEquals(List.of(), view.results());
		assertEquals(0, TestProject.markers(TestProject.fileOf(editor), ResultMarkers.TYPE).length);
	}

	/** Runs the command as Ctrl+Alt+R does, through the handler service. */
	private static void run(IEditorPart editor) throws Exception {
		editor.getSite().getService(IHandlerService.class).executeCommand(RunScenariosHandler.COMMAND, null);
	}

	private static ResultsView resultsView(IEditorPart editor) {
		IViewPart view = editor.getSite().getPage().findView(ResultsView.ID);
		assertTrue(view instanceof ResultsView, "the command opened the results view");
		return (ResultsView) view;
	}
}
