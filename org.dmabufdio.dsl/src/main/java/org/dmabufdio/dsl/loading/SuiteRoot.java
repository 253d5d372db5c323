package org.dmabufdio.dsl.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.workspace.IProjectConfig;
import org.eclipse.xtext.workspace.ProjectConfigAdapter;

/**
 * The directories a suite may read scenario files from. A shared suite is untrusted input: an
 * {@code import} reads only {@code *.dmabuf} files under the suite's root, never an absolute
 * path, never a {@code ..} that leaves the root, never a symbolic link that leads out of it, so
 * no diagnostic can quote bytes of a host file.
 * <p>
 * The root is what the caller set on the resource set (the command line's directories and the
 * directories of the files it names, the Eclipse project); else the project the language server
 * was given (its workspace folder); else the directory of the first file loaded.
 */
public final class SuiteRoot {

	/** A decision on one import: the file to read, or why it may not be read. */
	public record Decision(URI target, String refusal) {
		public boolean allowed() {
			return refusal == null;
		}
	}

	private static final class Roots extends AdapterImpl {
		final List<Path> dirs;

		Roots(List<Path> dirs) {
			this.dirs = dirs;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Roots.class;
		}
	}

	private SuiteRoot() {
	}

	/** Sets the suite's root directories on a resource set, before anything is loaded into it. */
	public static void set(ResourceSet rs, List<Path> dirs) {
		rs.eAdapters().removeIf(a -> a instanceof Roots);
		List<Path> normal = new ArrayList<>();
		for (Path d : dirs) {
			normal.add(d.toAbsolutePath().normalize());
		}
		rs.eAdapters().add(new Roots(List.copyOf(normal)));
	}

	/** The roots of the suite {@code r} belongs to (see the class comment); empty if none can be told. */
	static List<Path> of(Resource r) {
		ResourceSet rs = r.getResourceSet();
		if (rs != null) {
			for (Adapter a : rs.eAdapters()) {
				if (a instanceof Roots roots) {
					return roots.dirs;
				}
			}
			ProjectConfigAdapter adapter = ProjectConfigAdapter.findInEmfObject(rs);
			IProjectConfig project = adapter == null ? null : adapter.getProjectConfig();
			Path dir = project == null ? null : path(project.getPath());
			if (dir != null) {
				return List.of(dir);
			}
			if (!rs.getResources().isEmpty()) {
				r = rs.getResources().get(0);
			}
		}
		Path file = path(r.getURI());
		return file == null || file.getParent() == null ? List.of() : List.of(file.getParent());
	}

	/** Where {@code import "raw"} in {@code from} leads, or why it may not be followed. */
	public static Decision resolve(Resource from, String raw) {
		if (raw == null || raw.isEmpty()) {
			return new Decision(null, "an empty path");
		}
		URI uri;
		try {
			uri = URI.createURI(raw);
		} catch (IllegalArgumentException e) {
			return new Decision(null, "not a relative path");
		}
		if (!uri.isRelative() || raw.startsWith("/") || raw.startsWith("\\") || raw.startsWith("~")) {
			return new Decision(null, "an absolute path; an import is relative to the importing file");
		}
		// escapes and separators the URI and the file system would read differently than this check
		if (raw.chars().anyMatch(c -> c == '%' || c == '?' || c == '#' || c == '\\' || c < 0x20)) {
			return new Decision(null, "a path with %, ?, #, \\ or control characters; write the file's name as it is");
		}
		if (uri.lastSegment() == null || !uri.lastSegment().endsWith(".dmabuf")) {
			return new Decision(null, "only scenario files (*.dmabuf) can be imported");
		}
		URI base = from.getURI();
		URI resolved;
		try {
			resolved = base == null || base.isRelative() || !base.isHierarchical() ? null : uri.resolve(base);
		} catch (IllegalArgumentException e) {
			resolved = null;
		}
		List<Path> roots = of(from);
		String leaves = "it leaves the suite's root (" + String.join(", ", roots.stream().map(Path::toString).toList()) + ")";
		if (resolved != null && resolved.isPlatformResource() && base.isPlatformResource()
				&& !String.valueOf(resolved.segment(1)).equals(base.segment(1))) {
			return new Decision(null, leaves); // into another Eclipse project
		}
		Path file = resolved == null ? null : path(resolved);
		if (file == null) {
			return new Decision(null, "not a file of the suite");
		}
		if (roots.stream().noneMatch(file::startsWith)) {
			return new Decision(null, leaves);
		}
		// what is read is exactly the path checked here: a "link/.." must not mean one thing to
		// this check and another to the file system
		URI target = URI.createFileURI(file.toString());
		String link = leavesThroughLink(file, roots);
		return link == null ? new Decision(target, null) : new Decision(null, link);
	}

	/**
	 * Why {@code file}, found under a root, may not be read: a symbolic link on its way that leads
	 * out of every root; null if it stays inside, or does not exist (then opening this very path
	 * fails too: callers read the path they checked).
	 */
	public static String leavesThroughLink(Path file, List<Path> roots) {
		if (!Files.exists(file)) {
			return null;
		}
		try {
			Path real = file.toRealPath();
			for (Path root : roots) {
				if (Files.exists(root) && real.startsWith(root.toRealPath())) {
					return null;
				}
			}
		} catch (IOException e) {
			return "it cannot be read";
		}
		return "a symbolic link leads out of the suite's root";
	}

	/** The local path of a file URI (or of a workspace file in Eclipse), normalized; null for anything else. */
	private static Path path(URI uri) {
		if (uri != null && uri.isPlatformResource()) {
			uri = CommonPlugin.asLocalURI(uri);
		}
		if (uri == null || !uri.isFile()) {
			return null;
		}
		try {
			String s = uri.toFileString();
			return s == null ? null : Path.of(s).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			return null;
		}
	}
}
