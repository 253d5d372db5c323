package org.dmabufdio.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Which scenario files a discovery request names, grouped by the suite root each lies under
 * (its imports stay there): class path roots, resources and packages (in directories; resources
 * inside jars are not read), directories, files, classes marked {@link DmabufdioScenarios}, and
 * the unique ids of earlier runs (an IDE's "run again"). Files a marked class selects are kept
 * apart under that class: Surefire reports tests only inside a container with a class source.
 */
final class ScenarioSelectors {

	/** The configuration parameter naming scenario directories for unmarked uses of the annotation. */
	static final String DIRECTORY = "dmabufdio.scenarios.directory";

	/** Files selected one way: by a marked class ({@code marker}), or by anything else (null). */
	record Group(Class<?> marker, Map<Path, TreeSet<Path>> byRoot) {
	}

	private final Map<Class<?>, Group> groups = new LinkedHashMap<>();
	private final Group plain = new Group(null, new LinkedHashMap<>());
	private Map<Path, TreeSet<Path>> byRoot = plain.byRoot();
	private final List<String> problems = new ArrayList<>();
	private final List<UniqueId> uniqueIds = new ArrayList<>();
	private boolean selectsWholeFiles;

	/** The groups with files: root directory -> the *.dmabuf files under it that were selected, sorted. */
	List<Group> groups() {
		List<Group> out = new ArrayList<>();
		if (!plain.byRoot().isEmpty()) {
			out.add(plain);
		}
		groups.values().stream().filter(g -> !g.byRoot().isEmpty()).forEach(out::add);
		return out;
	}

	/**
	 * The unique ids selected, when nothing else selected whole files: only their tests stay
	 * (empty: every test of the files stays).
	 */
	List<UniqueId> uniqueIds() {
		return selectsWholeFiles ? List.of() : uniqueIds;
	}

	/** Selections that could not be followed (a marked class naming a missing directory). */
	List<String> problems() {
		return problems;
	}

	static ScenarioSelectors resolve(EngineDiscoveryRequest request, UniqueId engineId) {
		ScenarioSelectors s = new ScenarioSelectors();
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		for (ClasspathRootSelector r : request.getSelectorsByType(ClasspathRootSelector.class)) {
			directory(r.getClasspathRoot()).ifPresent(d -> s.addTree(d, d));
		}
		for (DirectorySelector d : request.getSelectorsByType(DirectorySelector.class)) {
			Path dir = d.getPath().toAbsolutePath().normalize();
			s.addTree(dir, dir);
		}
		for (FileSelector f : request.getSelectorsByType(FileSelector.class)) {
			Path file = f.getPath().toAbsolutePath().normalize();
			s.addFile(file.getParent(), file);
		}
		for (ClasspathResourceSelector r : request.getSelectorsByType(ClasspathResourceSelector.class)) {
			s.addResource(loader, r.getClasspathResourceName());
		}
		for (PackageSelector p : request.getSelectorsByType(PackageSelector.class)) {
			s.addResource(loader, p.getPackageName().replace('.', '/'));
		}
		for (ClassSelector c : request.getSelectorsByType(ClassSelector.class)) {
			Class<?> type;
			try {
				type = c.getJavaClass();
			} catch (RuntimeException e) {
				continue; // another engine's class that does not load here is not ours to report
			}
			DmabufdioScenarios marked = type.getAnnotation(DmabufdioScenarios.class);
			if (marked != null) {
				s.byRoot = s.groups.computeIfAbsent(type, t -> new Group(t, new LinkedHashMap<>())).byRoot();
				s.addMarked(type, marked, request.getConfigurationParameters().get(DIRECTORY));
				s.byRoot = s.plain.byRoot();
			}
		}
		s.selectsWholeFiles = !s.groups().isEmpty();
		for (UniqueIdSelector u : request.getSelectorsByType(UniqueIdSelector.class)) {
			if (u.getUniqueId().hasPrefix(engineId)) {
				s.addUniqueId(u.getUniqueId(), loader, request.getConfigurationParameters().get(DIRECTORY));
			}
		}
		return s;
	}

	/**
	 * {@code [engine:dmabufdio]/[class:C]?/[file:F]/[instance:N]?}: file F, or under a marked class
	 * C what C selects (so that F keeps the root its imports are judged against); the tests not
	 * selected leave the tree afterwards.
	 */
	private void addUniqueId(UniqueId id, ClassLoader loader, Optional<String> configured) {
		Path file = null;
		for (UniqueId.Segment segment : id.getSegments()) {
			if (segment.getType().equals(Descriptors.CLASS)) {
				try {
					Class<?> type = Class.forName(segment.getValue(), false, loader);
					DmabufdioScenarios marked = type.getAnnotation(DmabufdioScenarios.class);
					if (marked == null) {
						return;
					}
					byRoot = groups.computeIfAbsent(type, t -> new Group(t, new LinkedHashMap<>())).byRoot();
					addMarked(type, marked, configured);
					uniqueIds.add(id);
					byRoot = plain.byRoot();
					return;
				} catch (ClassNotFoundException | LinkageError e) {
					return; // a class of an earlier build: nothing of it to run again
				}
			} else if (segment.getType().equals(Descriptors.FILE)) {
				file = Path.of(segment.getValue()).toAbsolutePath().normalize();
			}
		}
		if (file != null && Files.isRegularFile(file)) {
			addFile(file.getParent(), file);
			uniqueIds.add(id);
		}
		byRoot = plain.byRoot();
	}

	private void addMarked(Class<?> type, DmabufdioScenarios marked, Optional<String> configured) {
		List<String> places = List.of(marked.value());
		if (places.isEmpty()) {
			places = configured.map(c -> List.of(c.split(","))).orElse(List.of("classpath:" + packagePath(type)));
		}
		for (String place : places) {
			String p = place.strip();
			if (p.startsWith("classpath:")) {
				if (!addResource(type.getClassLoader(), p.substring("classpath:".length()))) {
					problems.add(type.getName() + ": no scenario directory " + p + " on the class path");
				}
			} else {
				Path dir = Path.of(p).toAbsolutePath().normalize();
				if (Files.isDirectory(dir)) {
					addTree(dir, dir);
				} else {
					problems.add(type.getName() + ": no scenario directory " + p + " (" + dir + ")");
				}
			}
		}
	}

	private static String packagePath(Class<?> type) {
		return type.getPackageName().replace('.', '/');
	}

	/** A class path resource (file or directory) in every class path directory that has it; the root is that directory. */
	private boolean addResource(ClassLoader loader, String name) {
		String resource = name.startsWith("/") ? name.substring(1) : name;
		boolean found = false;
		try {
			Enumeration<URL> urls = loader.getResources(resource);
			while (urls.hasMoreElements()) {
				Optional<Path> p = directory(urls.nextElement());
				if (p.isEmpty()) {
					continue;
				}
				Path root = p.get();
				for (int i = resource.isEmpty() ? 0 : Path.of(resource).getNameCount(); i > 0 && root != null; i--) {
					root = root.getParent();
				}
				if (root != null) {
					found = true;
					if (Files.isDirectory(p.get())) {
						addTree(root, p.get());
					} else {
						addFile(root, p.get());
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return found;
	}

	private void addTree(Path root, Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.filter(f -> f.getFileName().toString().endsWith(".dmabuf") && Files.isRegularFile(f))
					.forEach(f -> addFile(root, f.toAbsolutePath().normalize()));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void addFile(Path root, Path file) {
		if (!file.getFileName().toString().endsWith(".dmabuf")) {
			return;
		}
		// a file already selected under a wider root keeps it
		for (Map.Entry<Path, TreeSet<Path>> e : byRoot.entrySet()) {
			if (e.getValue().contains(file)) {
				if (root.startsWith(e.getKey())) {
					return;
				}
				e.getValue().remove(file);
			}
		}
		byRoot.computeIfAbsent(root.toAbsolutePath().normalize(), r -> new TreeSet<>()).add(file);
	}

	private static Optional<Path> directory(URL url) {
		try {
			return directory(url.toURI());
		} catch (URISyntaxException e) {
			return Optional.empty();
		}
	}

	private static Optional<Path> directory(URI uri) {
		return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri).toAbsolutePath().normalize()) : Optional.empty();
	}
}
