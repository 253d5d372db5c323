package org.dmabufdio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.interpreter.Batch;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.interpreter.Instance;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.loading.Selection;
import org.dmabufdio.dsl.results.InstanceName;
import org.dmabufdio.dsl.results.Reports;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.TextReport;
import org.dmabufdio.dsl.util.Locations;
import org.dmabufdio.dsl.util.Quotes;

import com.google.inject.Injector;

/** Loads, validates and runs scenario files, and prints the run in the chosen format. */
final class RunCommand {

	private final String format;
	private final Map<Path, String> reports;
	private final long maxInstances;
	private final Selection selection;
	private final int jobs;
	private final boolean quiet;
	private final boolean terminal;
	private final PrintStream out;
	private final PrintStream err;

	/**
	 * {@code jobs} threads run instances; {@code quiet} text shows only what did not pass and the
	 * summary; {@code terminal}: standard output is a terminal, which gets a progress line.
	 */
	RunCommand(String format, Map<Path, String> reports, long maxInstances, Selection selection, int jobs, boolean quiet,
			boolean terminal, PrintStream out, PrintStream err) {
		this.format = format;
		this.reports = reports;
		this.maxInstances = maxInstances;
		this.selection = selection;
		this.jobs = jobs;
		this.quiet = quiet;
		this.terminal = terminal;
		this.out = out;
		this.err = err;
	}

	int run(List<String> paths) {
		ScenarioLoader.Loaded loaded = load(paths);
		if (loaded == null) {
			return Main.EXIT_USAGE;
		}
		if (loaded.files().isEmpty()) {
			err.println("dmabufdio: no scenario files (*.dmabuf) in " + String.join(", ", paths));
			return Main.EXIT_USAGE;
		}
		// a file with errors is reported (252) whatever the selection: it may hold what was meant
		if (!loaded.hasErrors() && !selection.isAll() && Batch.noneSelected(loaded, selection)) {
			err.println("dmabufdio: no scenario matches " + selection.describe());
			return Main.EXIT_USAGE;
		}
		Budget budget = Budget.DEFAULT.withMaxInstances(maxInstances);
		RunResult run;
		if (format.equals("text")) {
			run = streamText(loaded, budget);
		} else {
			run = Batch.run(loaded, selection, budget, jobs, r -> {
			});
			out.print(Reports.render(format, run));
			run.diagnostics().forEach(d -> err.println(d)); // the text report has them in line
		}
		for (Map.Entry<Path, String> report : reports.entrySet()) {
			try {
				Reports.write(report.getKey(), Reports.render(report.getValue(), run));
			} catch (IOException e) {
				// a path the user gave that cannot be written: the command line's problem, not the tool's
				err.println("dmabufdio: cannot write the " + report.getValue() + " report " + report.getKey() + ": " + Reports.why(e));
				return Main.EXIT_USAGE;
			}
		}
		if (run.hasErrors()) {
			return Main.EXIT_INVALID;
		}
		return (int) Math.min(Main.MAX_FAILED, run.failed());
	}

	/**
	 * The text report as the run goes: the diagnostics, each instance as soon as it and those
	 * before it have finished, then the tables and the summary; the same bytes as the whole
	 * report printed at the end, whatever {@code jobs} is. A terminal also gets a progress line.
	 */
	private RunResult streamText(ScenarioLoader.Loaded loaded, Budget budget) {
		out.print(TextReport.header(loaded.diagnostics()));
		Progress progress = terminal ? new Progress(out, Batch.count(loaded, selection, budget), System::nanoTime) : null;
		if (progress != null) {
			progress.draw();
		}
		RunResult run = Batch.run(loaded, selection, budget, jobs, r -> {
			if (progress != null) {
				progress.erase();
				progress.finished(r.passed());
			}
			if (!quiet || !r.passed()) {
				out.print(TextReport.render(r));
			}
			if (progress != null) {
				progress.draw();
			}
			out.flush();
		});
		if (progress != null) {
			progress.erase();
		}
		out.print(TextReport.footer(run, !quiet));
		return run;
	}

	/**
	 * {@code run --list}: each instance that would run, {@code file:line: name [tags]}, and a
	 * count; nothing runs. Files with errors are listed by their diagnostics (exit 252).
	 */
	int list(List<String> paths) {
		ScenarioLoader.Loaded loaded = load(paths);
		if (loaded == null) {
			return Main.EXIT_USAGE;
		}
		loaded.diagnostics().forEach(err::println);
		long instances = 0;
		int scenarios = 0;
		for (ScenarioLoader.LoadedFile f : loaded.files()) {
			if (!f.runnable()) {
				continue;
			}
			for (Element e : f.model().getElements()) {
				if (e instanceof Scenario s && selection.includes(s)) {
					scenarios++;
					instances += list(f.path(), s);
				}
			}
		}
		out.println(instances + (instances == 1 ? " instance" : " instances") + " of " + scenarios
				+ (scenarios == 1 ? " scenario" : " scenarios") + " would run");
		if (loaded.hasErrors()) {
			return Main.EXIT_INVALID;
		}
		if (scenarios == 0 && !selection.isAll()) {
			err.println("dmabufdio: no scenario matches " + selection.describe());
			return Main.EXIT_USAGE;
		}
		return 0;
	}

	private long list(String file, Scenario s) {
		String where = Quotes.escapeControls(file) + ":" + Locations.line(s) + ": ";
		String tags = s.getTags().isEmpty() ? "" : "  [" + Quotes.escapeControls(String.join(", ", s.getTags())) + "]";
		if (Instance.count(s) > maxInstances) {
			out.println(where + Quotes.escapeControls(s.getTitle()) + ": " + Instance.describeCount(s) + ", over the limit of "
					+ maxInstances + " (--max-instances)" + tags);
			return 0;
		}
		long n = 0;
		for (Instance i : Instance.expand(s)) {
			out.println(where + InstanceName.of(s.getTitle(), i.paramsByName(), i.round()) + tags);
			n++;
		}
		return n;
	}

	private ScenarioLoader.Loaded load(List<String> paths) {
		Injector injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
		try {
			return injector.getInstance(ScenarioLoader.class).load(paths.stream().map(Path::of).toList(), maxInstances);
		} catch (IOException e) {
			err.println(e.getMessage());
			return null;
		}
	}
}
