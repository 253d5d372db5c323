package org.dmabufdio.dsl.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.interpreter.ScenarioRunner;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Test support: parse scenario text or files, render validation issues as text
 * ({@code ERROR 'message' at 5:2}), and run scenarios.
 */
public final class Scenarios {

	/** The shared suites, relative to this module. */
	public static final Path DIR = Path.of("..", "scenarios");

	private final Injector injector;

	public Scenarios(Injector injector) {
		this.injector = injector;
	}

	/** Every scenario file of the shared suites, sorted. */
	public static List<Path> files() throws IOException {
		try (Stream<Path> s = Files.walk(DIR)) {
			return s.filter(p -> p.toString().endsWith(".dmabuf")).sorted().collect(Collectors.toList());
		}
	}

	/** Parses text as a file named {@code name} (imports resolve next to it, in memory or on disk). */
	public Resource parse(String name, String text) {
		return parse(injector.getInstance(XtextResourceSet.class), name, text);
	}

	public Resource parse(XtextResourceSet rs, String name, String text) {
		return ScenarioLoader.parse(rs, URI.createFileURI(Path.of("target", "test-scenarios", name).toAbsolutePath().toString()), text);
	}

	public Resource load(Path file) {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		Resource r = rs.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true);
		EcoreUtil.resolveAll(r);
		return r;
	}

	/** Validation issues, errors and warnings, as "SEVERITY 'message' at line:column", in order. */
	public List<String> issues(Resource r) {
		List<String> out = new ArrayList<>();
		for (Issue i : injector.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) {
			out.add(i.getSeverity() + " '" + i.getMessage() + "' at " + i.getLineNumber() + ":" + i.getColumn());
		}
		return out;
	}

	/** Issues of text wrapped as the body of one scenario (first body line is line 2). */
	public List<String> issuesOfBody(String body) {
		return issues(parse("t.dmabuf", "scenario \"t\" {\n" + body + "\n}\n"));
	}

	public List<ScenarioResult> run(Resource r) {
		return new ScenarioRunner().run(r.getURI().lastSegment(), (Model) r.getContents().get(0));
	}

	/** Runs one scenario whose body is given, on the default device unless it says otherwise. */
	public ScenarioResult runBody(String body) {
		Resource r = parse("t.dmabuf", "scenario \"t\" {\n" + body + "\n}\n");
		List<String> errors = issues(r).stream().filter(s -> s.startsWith("ERROR")).toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("the scenario does not validate: " + errors);
		}
		return run(r).get(0);
	}
}
