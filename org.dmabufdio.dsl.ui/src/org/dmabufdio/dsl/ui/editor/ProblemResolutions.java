package org.dmabufdio.dsl.ui.editor;

import java.util.List;

import org.dmabufdio.dsl.ide.quickfix.QuickFixes;
import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.dmabufdio.dsl.ui.internal.ProblemMarkers;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.swt.graphics.Image;

import com.google.inject.Injector;

/**
 * Quick Fix in the Problems view: the language's {@link QuickFixes} for a problem marker,
 * applied to the file's text buffer (the open editor's document if there is one; else the file,
 * which is then saved).
 */
public class ProblemResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return fixes(marker).size() > 0;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return fixes(marker).stream().map(Resolution::new).toArray(IMarkerResolution[]::new);
	}

	private static List<QuickFixes.Fix> fixes(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file)) {
			return List.of();
		}
		Injector injector = DmabufUiPlugin.getDefault().getInjector();
		List<QuickFixes.Fix> fixes = withDocument(file, false, document -> ProblemMarkers.fixes(marker,
				injector.getInstance(QuickFixes.class), () -> new DocumentResources(injector).parse(file, document.get())));
		return fixes == null ? List.of() : fixes;
	}

	private interface DocumentWork<T> {
		T on(IDocument document) throws BadLocationException;
	}

	/** Runs {@code work} on the file's text buffer; saves it afterwards if {@code save} and no editor has it open. */
	private static <T> T withDocument(IFile file, boolean save, DocumentWork<T> work) {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		try {
			buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
			try {
				ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
				T result = work.on(buffer.getDocument());
				if (save && !buffer.isShared()) {
					buffer.commit(null, true);
				}
				return result;
			} finally {
				buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
			}
		} catch (CoreException | BadLocationException e) {
			ILog.of(ProblemResolutions.class).error("cannot fix " + file.getFullPath(), e);
			return null;
		}
	}

	/** One fix, as the Problems view lists it. */
	private static final class Resolution implements IMarkerResolution2 {
		private final QuickFixes.Fix fix;

		Resolution(QuickFixes.Fix fix) {
			this.fix = fix;
		}

		@Override
		public String getLabel() {
			return fix.label();
		}

		@Override
		public String getDescription() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			if (marker.getResource() instanceof IFile file) {
				withDocument(file, true, document -> {
					document.replace(fix.offset(), fix.length(), fix.text());
					return null;
				});
			}
		}
	}
}
