package org.dmabufdio.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A workspace project for each test of a UI test class ({@code @RegisterExtension}): created
 * before the test, deleted after it with every editor closed; files in it open in their editors.
 */
final class TestProject implements BeforeEachCallback, AfterEachCallback {

	private final IProject project;

	TestProject(String name) {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws CoreException {
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	IFile file(String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}

	/** A new file of this project, opened in its editor. */
	IEditorPart open(String name, String text) throws CoreException {
		return open(file(name, text));
	}

	/** The file an editor of a test shows. */
	static IFile fileOf(IEditorPart editor) {
		return ((IFileEditorInput) editor.getEditorInput()).getFile();
	}

	static IEditorPart open(IFile file) throws PartInitException {
		return IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
	}

	/** The markers of {@code type} (and its subtypes) on {@code file}. */
	static IMarker[] markers(IFile file, String type) {
		try {
			return file.findMarkers(type, true, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Runs the UI event loop until {@code condition} holds, for at most 30 s. */
	static void waitFor(String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(50, () -> { });
				display.sleep();
			}
		}
	}

	/** Closes every editor (discarding changes) and deletes the project. */
	@Override
	public void afterEach(ExtensionContext context) throws CoreException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
		project.delete(true, true, null);
	}
}
