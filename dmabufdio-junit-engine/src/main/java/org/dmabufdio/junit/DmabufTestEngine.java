package org.dmabufdio.junit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.interpreter.Instance;
import org.dmabufdio.dsl.interpreter.Interpreter;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.TextReport;
import org.dmabufdio.dsl.util.Quotes;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import com.google.inject.Injector;

/**
 * The JUnit Platform engine {@code dmabufdio}: every scenario instance of the selected
 * {@code *.dmabuf} files is a test (see {@link ScenarioSelectors} for what selects them). A
 * {@code pass} succeeds, {@code fail} and {@code error} fail with the verdict's message at
 * {@code file:line:col}, {@code skip} is aborted (reported as skipped) with its reason, and an
 * {@code xfail} succeeds with its reason published as a report entry. Each test prints its step
 * table on standard output, which Surefire keeps as the test's output. Scenario tags are test
 * tags, so Surefire's {@code groups}/{@code excludedGroups} select them.
 */
public final class DmabufTestEngine implements TestEngine {

	public static final String ID = "dmabufdio";

	/** The configuration parameter that overrides the instance limit of one scenario. */
	public static final String MAX_INSTANCES = "dmabufdio.max-instances";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Optional<String> getGroupId() {
		return Optional.of("org.dmabufdio");
	}

	@Override
	public Optional<String> getArtifactId() {
		return Optional.of("dmabufdio-junit-engine");
	}

	@Override
	public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
		EngineDescriptor engine = new EngineDescriptor(uniqueId, "dmabufdio");
		ScenarioSelectors selected = ScenarioSelectors.resolve(request, uniqueId);
		if (!selected.problems().isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", selected.problems()));
		}
		if (selected.groups().isEmpty()) {
			return engine;
		}
		long maxInstances = request.getConfigurationParameters().get(MAX_INSTANCES, Long::parseLong)
				.orElse(Budget.DEFAULT.maxInstances());
		Injector injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
		for (ScenarioSelectors.Group group : selected.groups()) {
			TestDescriptor parent = engine;
			if (group.marker() != null) {
				parent = new Descriptors.ClassDescriptor(uniqueId.append(Descriptors.CLASS, group.marker().getName()), group.marker());
				engine.addChild(parent);
			}
			for (Map.Entry<Path, TreeSet<Path>> root : group.byRoot().entrySet()) {
				ScenarioLoader loader = injector.getInstance(ScenarioLoader.class);
				List<Path> files = List.copyOf(root.getValue());
				ScenarioLoader.Loaded loaded = loader.load(files, List.of(root.getKey()), maxInstances, DmabufTestEngine::shown);
				for (int i = 0; i < files.size(); i++) {
					addFile(parent, files.get(i), loaded.files().get(i), loaded.diagnostics(), maxInstances);
				}
			}
		}
		keepOnly(engine, selected.uniqueIds());
		return engine;
	}

	/**
	 * A file as tests name it: relative to the working directory (the project's, under Maven) when
	 * it is inside it or beside it ({@code ../scenarios}), so that {@code file:line:col} opens from
	 * a terminal; else absolute.
	 */
	static String shown(Path file) {
		Path cwd = Path.of("").toAbsolutePath();
		Path relative = cwd.relativize(file);
		int up = 0;
		for (Path p : relative) {
			up += p.toString().equals("..") ? 1 : 0;
		}
		return up <= 1 ? relative.toString() : file.toString();
	}

	/**
	 * An IDE runs one test again by its unique id: the file is loaded whole, then every test but
	 * the ones selected (or under a selected file) leaves the tree.
	 */
	private static void keepOnly(TestDescriptor parent, List<UniqueId> ids) {
		if (ids.isEmpty()) {
			return;
		}
		for (TestDescriptor child : List.copyOf(parent.getChildren())) {
			if (ids.contains(child.getUniqueId())) {
				continue;
			}
			keepOnly(child, ids);
			if (child.getChildren().isEmpty()) {
				parent.removeChild(child);
			}
		}
	}

	private static void addFile(TestDescriptor parent, Path path, ScenarioLoader.LoadedFile file, List<FileDiagnostic> all,
			long maxInstances) {
		UniqueId fileId = parent.getUniqueId().append(Descriptors.FILE, file.path());
		Descriptors.FileDescriptor container = new Descriptors.FileDescriptor(fileId, file.path(), path);
		parent.addChild(container);
		if (!file.runnable()) {
			List<FileDiagnostic> errors = all.stream().filter(d -> d.file().equals(file.path()) && "error".equals(d.severity())).toList();
			container.addChild(new Descriptors.InvalidFileDescriptor(fileId.append(Descriptors.INSTANCE, "invalid"), file.path(), path, errors));
			return;
		}
		int n = 0;
		for (Element e : file.model().getElements()) {
			if (!(e instanceof Scenario s)) {
				continue;
			}
			if (Instance.count(s) > maxInstances) {
				String why = Instance.describeCount(s) + "; the limit is " + maxInstances + " (" + MAX_INSTANCES + ")";
				container.addChild(new Descriptors.InstanceDescriptor(fileId.append(Descriptors.INSTANCE, Integer.toString(++n)),
						file.path(), path, s, null, why));
				continue;
			}
			for (Instance instance : Instance.expand(s)) {
				container.addChild(new Descriptors.InstanceDescriptor(fileId.append(Descriptors.INSTANCE, Integer.toString(++n)),
						file.path(), path, s, instance, null));
			}
		}
	}

	@Override
	public void execute(ExecutionRequest request) {
		EngineExecutionListener listener = request.getEngineExecutionListener();
		Budget budget = Budget.DEFAULT.withMaxInstances(
				request.getConfigurationParameters().get(MAX_INSTANCES, Long::parseLong).orElse(Budget.DEFAULT.maxInstances()));
		execute(request.getRootTestDescriptor(), budget, listener);
	}

	/** A container runs its children in order; a test runs its instance. */
	private static void execute(TestDescriptor d, Budget budget, EngineExecutionListener listener) {
		listener.executionStarted(d);
		if (d.isTest()) {
			listener.executionFinished(d, run(d, budget, listener));
			return;
		}
		for (TestDescriptor child : d.getChildren()) {
			execute(child, budget, listener);
		}
		listener.executionFinished(d, TestExecutionResult.successful());
	}

	private static TestExecutionResult run(TestDescriptor test, Budget budget, EngineExecutionListener listener) {
		if (test instanceof Descriptors.InvalidFileDescriptor invalid) {
			List<String> lines = new ArrayList<>();
			invalid.errors.forEach(d -> lines.add(d.toString()));
			FileDiagnostic first = invalid.errors.isEmpty() ? null : invalid.errors.get(0);
			return TestExecutionResult.failed(located(new ScenarioError("the file does not parse or validate:\n" + String.join("\n", lines)),
					first == null ? "" : first.file(), "file", first == null ? 0 : first.line()));
		}
		Descriptors.InstanceDescriptor d = (Descriptors.InstanceDescriptor) test;
		if (d.instance == null) {
			return TestExecutionResult.failed(located(new ScenarioError(where(d.file, d.scenario, d.overLimit)), d.file,
					d.scenario.getTitle(), org.dmabufdio.dsl.util.Locations.line(d.scenario)));
		}
		ScenarioResult r = new Interpreter(d.file, d.instance, budget).run(d.scenario);
		print(TextReport.render(r));
		String message = String.join("\n", r.why());
		return switch (r.status()) {
		case PASS -> TestExecutionResult.successful();
		case XFAIL -> {
			listener.reportingEntryPublished(test, ReportEntry.from("xfail", Quotes.escapeControls(r.message())));
			yield TestExecutionResult.successful();
		}
		case SKIP -> TestExecutionResult.aborted(located(new TestAbortedException(Quotes.escapeControls(r.message())), r.file(), r.name(), r.line()));
		case FAIL -> TestExecutionResult.failed(located(new AssertionFailedError(message), r.file(), r.name(), r.line()));
		case ERROR -> TestExecutionResult.failed(located(new ScenarioError(message), r.file(), r.name(), r.line()));
		};
	}

	private static String where(String file, Scenario s, String message) {
		return Quotes.escapeControls(file) + ":" + org.dmabufdio.dsl.util.Locations.line(s) + ":"
				+ org.dmabufdio.dsl.util.Locations.column(s) + ": " + message;
	}

	/**
	 * The Java stack of a verdict says nothing about the scenario: it is replaced by one frame
	 * naming the scenario's file and line, which IDEs and Surefire show and link to.
	 */
	private static <T extends Throwable> T located(T t, String file, String scenario, int line) {
		String name = Path.of(file.isEmpty() ? "scenario.dmabuf" : file).getFileName().toString();
		t.setStackTrace(new StackTraceElement[] { new StackTraceElement("dmabufdio", Quotes.escapeControls(scenario), name, Math.max(1, line)) });
		return t;
	}

	/** The step table, as the test's standard output (Surefire captures it per test). */
	private static void print(String text) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		out.print(text);
		out.flush();
	}

	/** A scenario that could not run as written (the {@code error} verdict): not an assertion, and not the engine's own failure. */
	static final class ScenarioError extends RuntimeException {
		private static final long serialVersionUID = 1L;

		ScenarioError(String message) {
			super(message);
		}
	}
}
