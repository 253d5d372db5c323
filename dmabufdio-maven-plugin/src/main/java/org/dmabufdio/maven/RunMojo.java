package org.dmabufdio.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.interpreter.Batch;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.loading.Selection;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.dmabufdio.dsl.results.InstanceName;
import org.dmabufdio.dsl.results.Reports;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.TextReport;

import com.google.inject.Injector;

/**
 * Runs the scenario files under {@code directories} on the simulator, writes the reports asked
 * for, and fails the build if a file does not validate or a scenario ends in {@code fail} or
 * {@code error}, naming each at {@code file:line:col}. Skipped scenarios and expected failures
 * do not fail it. {@code -DskipTests} skips it, as it skips Surefire and Failsafe.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class RunMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project.basedir}", readonly = true)
	private File basedir;

	/** Directories searched for {@code *.dmabuf} (each is a suite root: imports stay inside it). */
	@Parameter(property = "dmabufdio.directories", defaultValue = "${project.basedir}/src/test/dmabuf")
	private List<File> directories;

	/** Run only scenarios with one of these tags (globs, case ignored, as {@code run --tag}). */
	@Parameter(property = "dmabufdio.tags")
	private List<String> includeTags = new ArrayList<>();

	/** Leave out scenarios with one of these tags, even if included (as {@code run --exclude-tag}). */
	@Parameter(property = "dmabufdio.excludeTags")
	private List<String> excludeTags = new ArrayList<>();

	/** Run only scenarios whose whole title matches one of these globs (as {@code run --name}). */
	@Parameter(property = "dmabufdio.names")
	private List<String> names = new ArrayList<>();

	/**
	 * Reports to write, each {@code FORMAT:PATH} as {@code run --report} takes them, e.g.
	 * {@code junit:${project.build.directory}/dmabufdio/TEST-scenarios.xml}.
	 */
	@Parameter(property = "dmabufdio.reports")
	private List<String> reports = new ArrayList<>();

	/** The most instances one scenario may expand to (as {@code run --max-instances}). */
	@Parameter(property = "dmabufdio.maxInstances")
	private long maxInstances = Budget.DEFAULT.maxInstances();

	/** Fail when no scenario is found (or none is selected). */
	@Parameter(property = "dmabufdio.failIfNoScenarios", defaultValue = "true")
	private boolean failIfNoScenarios;

	@Parameter(property = "dmabufdio.skip", defaultValue = "false")
	private boolean skip;

	@Parameter(property = "skipTests", defaultValue = "false")
	private boolean skipTests;

	@Parameter(property = "maven.test.skip", defaultValue = "false")
	private boolean mavenTestSkip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip || skipTests || mavenTestSkip) {
			getLog().info("Scenarios are skipped.");
			return;
		}
		List<Reports.Target> reportFiles = parseReports();
		List<Path> dirs = new ArrayList<>();
		for (File d : directories) {
			if (Files.isDirectory(d.toPath())) {
				dirs.add(d.toPath());
			} else {
				getLog().warn("No scenario directory " + d);
			}
		}
		Thread thread = Thread.currentThread();
		ClassLoader saved = thread.getContextClassLoader();
		thread.setContextClassLoader(RunMojo.class.getClassLoader()); // Xtext and EMF look up services through it
		RunResult run;
		try {
			run = run(dirs);
		} finally {
			thread.setContextClassLoader(saved);
		}
		if (run == null) {
			return;
		}
		for (Reports.Target r : reportFiles) {
			try {
				// relative to the project, as Maven resolves its own paths, not to where Maven was started
				Path file = basedir.toPath().resolve(r.path());
				Reports.write(file, Reports.render(r.format(), run));
				getLog().info("Report " + r.format() + ": " + file);
			} catch (IOException e) {
				throw new MojoExecutionException("cannot write " + basedir.toPath().resolve(r.path()) + ": " + e.getMessage(), e);
			}
		}
		judge(run);
	}

	/** The run, or null when there was nothing to run and that is allowed. */
	private RunResult run(List<Path> dirs) throws MojoFailureException {
		Selection selection = new Selection(includeTags, excludeTags, names);
		ScenarioLoader.Loaded loaded;
		try {
			ScenarioLoader loader = injector().getInstance(ScenarioLoader.class);
			// names relative to the project, so that file:line:col opens from where Maven ran
			Path base = basedir.toPath().toAbsolutePath();
			loaded = loader.load(ScenarioLoader.files(dirs), ScenarioLoader.roots(dirs), maxInstances,
					f -> f.toAbsolutePath().startsWith(base) ? base.relativize(f.toAbsolutePath()).toString() : f.toString());
		} catch (IOException e) {
			throw new MojoFailureException(e.getMessage(), e);
		}
		// files with errors fail the build (judge) whatever the selection; else a selection or
		// directories with nothing to run are failIfNoScenarios' concern
		Budget budget = Budget.DEFAULT.withMaxInstances(maxInstances);
		if (!loaded.hasErrors() && Batch.count(loaded, selection, budget) == 0) {
			String why = loaded.files().isEmpty() ? "No scenario files (*.dmabuf) in " + directories
					: selection.isAll() ? "No scenarios in the files of " + directories
							: "No scenario matches " + selection.describe() + " in " + directories;
			if (failIfNoScenarios) {
				throw new MojoFailureException(why + " (failIfNoScenarios)");
			}
			getLog().info(why);
			return null;
		}
		RunResult run = Batch.run(loaded, selection, budget);
		for (FileDiagnostic d : run.diagnostics()) {
			if ("error".equals(d.severity())) {
				getLog().error(d.toString());
			} else {
				getLog().warn(d.toString());
			}
		}
		for (ScenarioResult s : run.scenarios()) {
			String line = String.format(Locale.ROOT, "%-5s %s", s.status().word().toUpperCase(Locale.ROOT),
					InstanceName.withFile(s.file(), InstanceName.of(s)));
			if (s.passed()) {
				getLog().info(line);
			} else {
				getLog().error(line + "\n" + where(s));
			}
		}
		getLog().info(TextReport.summary(run));
		return run;
	}

	private static Injector injector;

	/**
	 * One language set-up for the plugin's class loader: making it writes EMF's and Xtext's global
	 * registries, which modules built in parallel (mvn -T) would otherwise do at once.
	 */
	private static synchronized Injector injector() {
		if (injector == null) {
			injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	private void judge(RunResult run) throws MojoFailureException {
		List<String> failed = new ArrayList<>();
		run.diagnostics().stream().filter(d -> "error".equals(d.severity())).forEach(d -> failed.add(d.toString()));
		run.scenarios().stream().filter(s -> !s.passed())
				.forEach(s -> failed.add(s.status().word().toUpperCase(Locale.ROOT) + " " + InstanceName.withFile(s.file(), InstanceName.of(s))
						+ "\n  " + where(s)));
		if (!failed.isEmpty()) {
			throw new MojoFailureException("dmabufdio: " + TextReport.summary(run) + "\n" + String.join("\n", failed));
		}
	}

	private static String where(ScenarioResult s) {
		return String.join("\n  ", s.why());
	}

	private List<Reports.Target> parseReports() throws MojoExecutionException {
		List<Reports.Target> out = new ArrayList<>();
		for (String r : reports) {
			try {
				out.add(Reports.parse(r));
			} catch (IllegalArgumentException e) {
				throw new MojoExecutionException("<reports>: " + e.getMessage(), e);
			}
		}
		return out;
	}
}
