package org.dmabufdio.dsl.ui.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.dmabufdio.dsl.ide.quickfix.QuickFixes;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

/** Turns Xtext issues into the workspace's problem markers (type {@link #TYPE}). */
public final class ProblemMarkers {

	/** The marker type declared in plugin.xml; a subtype of the platform's problem marker. */
	public static final String TYPE = DmabufUiPlugin.PLUGIN_ID + ".problem";

	/** The issue code attribute, for quick fixes. */
	public static final String CODE = "code";

	private ProblemMarkers() {
	}

	/** Replaces the markers of {@code file} with one per issue, atomically. */
	public static void replace(IFile file, List<Issue> issues) {
		if (!file.exists()) {
			return;
		}
		IWorkspaceRunnable update = monitor -> {
			file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
			for (Issue issue : issues) {
				create(file, issue);
			}
		};
		try {
			ResourcesPlugin.getWorkspace().run(update, file, IResource.NONE, null);
		} catch (CoreException e) {
			ILog.of(ProblemMarkers.class).log(e.getStatus());
		}
	}

	/** Creates one marker with all its attributes at once, so no reader sees it half made. */
	private static void create(IFile file, Issue issue) throws CoreException {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.MESSAGE, issue.getMessage());
		attributes.put(IMarker.SEVERITY, severity(issue.getSeverity()));
		if (issue.getLineNumber() != null) {
			attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber().intValue());
		}
		if (issue.getOffset() != null && issue.getLength() != null) {
			attributes.put(IMarker.CHAR_START, issue.getOffset().intValue());
			attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		if (issue.getCode() != null) {
			attributes.put(CODE, issue.getCode());
		}
		file.createMarker(TYPE, attributes);
	}

	/**
	 * The language's fixes for a problem marker, over the region it marks in {@code text} (the
	 * text the marker was made from, parsed as its file); none without a code or a region.
	 */
	public static List<QuickFixes.Fix> fixes(IMarker marker, QuickFixes quickFixes, Supplier<XtextResource> text) {
		String code = marker.getAttribute(CODE, null);
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		int end = marker.getAttribute(IMarker.CHAR_END, -1);
		if (code == null || start < 0 || end < start) {
			return List.of();
		}
		return quickFixes.of(text.get(), code, marker.getAttribute(IMarker.MESSAGE, ""), start, end - start);
	}

	private static int severity(Severity severity) {
		return switch (severity) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		};
	}
}
