package org.dmabufdio.dsl.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads scenario files (directories are searched for *.dmabuf), parses and validates them, and
 * reports every problem at file:line:col. Files with errors are not run.
 */
public final class ScenarioLoader {

	/** A loaded file: its path as the user wrote it, its model, and whether it may run. */
	public record LoadedFile(String path, Model model, boolean runnable) {
	}

	/** Everything loaded, in the order given (directory contents sorted). */
	public record Loaded(List<LoadedFile> files, List<FileDiagnostic> diagnostics) {
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	/** The scenario files named: files as given, directories searched for *.dmabuf, sorted. */
	public static List<Path> files(List<Path> paths) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path p : paths) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> walk = Files.walk(p)) {
					walk.filter(f -> f.toString().endsWith(".dmabuf") && Files.isRegularFile(f)).sorted().forEach(files::add);
				}
			} else if (Files.isRegularFile(p)) {
				files.add(p);
			} else {
				throw new IOException(p + ": no such file or directory");
			}
		}
		return files;
	}

	public Loaded load(List<Path> paths) throws IOException {
		List<Path> files = files(paths);
		XtextResourceSet rs = resourceSets.get();
		List<LoadedFile> loaded = new ArrayList<>();
		List<FileDiagnostic> diagnostics = new ArrayList<>();
		for (Path f : files) {
			String shown = f.toString();
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
			loaded.add(new LoadedFile(shown, model, !errors && model != null));
		}
		return new Loaded(loaded, diagnostics);
	}

	private static int orZero(Integer i) {
		return i == null ? 0 : i;
	}
}
