package org.dmabufdio.dsl.ui.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.TextReport;
import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;

/**
 * A run's failures as markers at the statement that failed (type {@link #TYPE}), apart from the
 * validation markers: they belong to the text that ran and go as soon as it is edited.
 */
public final class ResultMarkers {

	/** The marker type declared in plugin.xml; a problem marker, not persisted. */
	public static final String TYPE = DmabufUiPlugin.PLUGIN_ID + ".result";

	private ResultMarkers() {
	}

	/** Replaces the result markers of {@code file} with one per run that did not pass. */
	public static void replace(IFile file, List<ScenarioResult> results) {
		update(file, results);
	}

	/** Removes the result markers of {@code file}. */
	public static void clear(IFile file) {
		update(file, List.of());
	}

	private static void update(IFile file, List<ScenarioResult> results) {
		if (!file.exists()) {
			return;
		}
		IWorkspaceRunnable update = monitor -> {
			if (results.isEmpty() && file.findMarkers(TYPE, false, IResource.DEPTH_ZERO).length == 0) {
				return; // the usual edit: nothing to remove, no resource change event
			}
			file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
			for (ScenarioResult r : results) {
				if (!r.passed()) {
					file.createMarker(TYPE, attributes(r));
				}
			}
		};
		try {
			ResourcesPlugin.getWorkspace().run(update, file, IResource.NONE, null);
		} catch (CoreException e) {
			ILog.of(ResultMarkers.class).log(e.getStatus());
		}
	}

	private static Map<String, Object> attributes(ScenarioResult r) {
		Map<String, Object> a = new HashMap<>();
		a.put(IMarker.MESSAGE, TextReport.title(r) + ": " + r.status().word() + ": " + r.message());
		a.put(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
		if (r.line() > 0) {
			a.put(IMarker.LINE_NUMBER, r.line());
		}
		return a;
	}
}
