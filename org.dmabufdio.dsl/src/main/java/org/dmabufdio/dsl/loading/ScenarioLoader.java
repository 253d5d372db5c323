package org.dmabufdio.dsl.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads scenario files (directories are searched for *.dmabuf), parses and validates them, and
 * reports every problem at file:line:col. Files with errors are not run. The directories named,
 * and those of the files named, are the suite's root ({@link SuiteRoot}): nothing outside them
 * is read. A file that breaks the parser or a validator is an error of that file; the others
 * load as usual.
 */
public final class ScenarioLoader {

	/** A loaded file: its path as the user wrote it, its model, and whether it may run. */
	public record LoadedFile(String path, Model model, boolean runnable) {
	}

	/** Everything loaded, in the order given (directory contents sorted). */
	public record Loaded(List<LoadedFile> files, List<FileDiagnostic> diagnostics) {

		/** Whether a file has errors (and so does not run). */
		public boolean hasErrors() {
			return diagnostics.stream().anyMatch(d -> "error".equals(d.severity()));
		}
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	/** The scenario files named: files as given, directories searched for *.dmabuf, sorted. */
	public static List<Path> files(List<Path> paths) throws IOException {
		// by where it is: a file named twice (a directory and a file in it) is loaded and run once
		java.util.Map<Path, Path> files = new java.util.LinkedHashMap<>();
		for (Path p : paths) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> walk = Files.walk(p)) {
					walk.filter(f -> f.toString().endsWith(".dmabuf") && Files.isRegularFile(f)).sorted()
							.forEach(f -> files.putIfAbsent(f.toAbsolutePath().normalize(), f));
				}
			} else if (!Files.isRegularFile(p)) {
				throw new IOException(p + ": no such file or directory");
			} else if (!p.toString().endsWith(".dmabuf")) {
				throw new IOException(p + ": not a scenario file (*.dmabuf)");
			} else {
				files.putIfAbsent(p.toAbsolutePath().normalize(), p);
			}
		}
		return List.copyOf(files.values());
	}

	/** The suite's root directories: the directories named, and the directory of each file named. */
	public static List<Path> roots(List<Path> paths) {
		List<Path> roots = new ArrayList<>();
		for (Path p : paths) {
			Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
			if (dir != null) {
				roots.add(dir.toAbsolutePath().normalize());
			}
		}
		return roots;
	}

	/**
	 * Text that is not (yet) a file on disk, parsed as the content of {@code uri} in {@code rs}
	 * (imports resolve next to it) and linked: for editors' buffers, tests, the fuzzer and the
	 * benchmarks.
	 */
	public static XtextResource parse(XtextResourceSet rs, URI uri, String text) {
		XtextResource r = (XtextResource) rs.createResource(uri);
		try {
			r.load(new LazyStringInputStream(text), null);
		} catch (IOException e) {
			throw new IllegalStateException(e); // a string cannot fail to be read
		}
		EcoreUtil.resolveAll(r);
		return r;
	}

	public Loaded load(List<Path> paths) throws IOException {
		return load(paths, Budget.DEFAULT.maxInstances());
	}

	/** Loads and validates, with {@code maxInstances} as the limit a scenario's instance count is held to. */
	public Loaded load(List<Path> paths, long maxInstances) throws IOException {
		return load(files(paths), roots(paths), maxInstances, Path::toString);
	}

	/**
	 * Loads and validates {@code files}, each inside one of {@code roots} (the suite's root:
	 * imports stay under it), named in diagnostics and results by {@code shown}.
	 */
	public Loaded load(List<Path> files, List<Path> roots, long maxInstances, Function<Path, String> shown) {
		XtextResourceSet rs = resourceSets.get();
		SuiteRoot.set(rs, roots);
		InstanceLimit.set(rs, maxInstances);
		List<LoadedFile> loaded = new ArrayList<>();
		List<FileDiagnostic> diagnostics = new ArrayList<>();
		for (Path f : files) {
			String name = shown.apply(f);
			String link = SuiteRoot.leavesThroughLink(f.toAbsolutePath().normalize(), roots);
			if (link != null) {
				diagnostics.add(new FileDiagnostic(name, 1, 1, "error", link + "; the file is not read", null));
				loaded.add(new LoadedFile(name, null, false));
				continue;
			}
			try {
				loaded.add(load(rs, f, name, diagnostics));
			} catch (RuntimeException | StackOverflowError e) {
				diagnostics.add(new FileDiagnostic(name, 1, 1, "error", "the file cannot be read: " + why(e), null));
				loaded.add(new LoadedFile(name, null, false));
			}
		}
		// Instances may run on several threads: nothing may be resolved or cached lazily then. The
		// files imported but not named are linked here as well, and the caches of derived facts
		// (steps in order, devices), which hang off each resource, are made here, to be shared.
		try {
			EcoreUtil.resolveAll(rs);
		} catch (RuntimeException | StackOverflowError e) {
			// a broken import was reported by the validation of its importer
		}
		OnChangeEvictingCache caches = new OnChangeEvictingCache();
		List.copyOf(rs.getResources()).forEach(caches::getOrCreate);
		return new Loaded(loaded, diagnostics);
	}

	private LoadedFile load(XtextResourceSet rs, Path f, String shown, List<FileDiagnostic> diagnostics) {
		Resource resource = rs.getResource(URI.createFileURI(f.toAbsolutePath().normalize().toString()), true);
		EcoreUtil.resolveAll(resource);
		boolean errors = false;
		List<Issue> issues = new ArrayList<>(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		// linking errors come before the validators' in Xtext's list: the user reads top to bottom
		issues.sort(Comparator.comparingInt((Issue i) -> orZero(i.getLineNumber())).thenComparingInt(i -> orZero(i.getColumn())));
		for (Issue issue : issues) {
			if (issue.getSeverity() == Severity.IGNORE || issue.getSeverity() == Severity.INFO) {
				continue;
			}
			errors |= issue.getSeverity() == Severity.ERROR;
			diagnostics.add(new FileDiagnostic(shown, orZero(issue.getLineNumber()), orZero(issue.getColumn()),
					issue.getSeverity() == Severity.ERROR ? "error" : "warning", issue.getMessage(), issue.getCode()));
		}
		Model model = resource.getContents().isEmpty() ? null : (Model) resource.getContents().get(0);
		return new LoadedFile(shown, model, !errors && model != null);
	}

	/** What broke reading a file, in a few words: the parser's stack for nesting too deep, else the exception. */
	private static String why(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof StackOverflowError) {
				return "its blocks nest too deeply";
			}
		}
		return e.toString();
	}

	private static int orZero(Integer i) {
		return i == null ? 0 : i;
	}
}
