package org.dmabufdio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.interpreter.ScenarioRunner;
import org.dmabufdio.dsl.interpreter.Tables;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.results.Reports;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;

import com.google.inject.Injector;

/** Loads, validates and runs scenario files, and prints the run in the chosen format. */
final class RunCommand {

	private final String format;
	private final Map<Path, String> reports;
	private final long maxInstances;
	private final PrintStream out;
	private final PrintStream err;

	RunCommand(String format, Map<Path, String> reports, long maxInstances, PrintStream out, PrintStream err) {
		this.format = format;
		this.reports = reports;
		this.maxInstances = maxInstances;
		this.out = out;
		this.err = err;
	}

	int run(List<String> paths) {
		Injector injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
		ScenarioLoader loader = injector.getInstance(ScenarioLoader.class);
		ScenarioLoader.Loaded loaded;
		try {
			loaded = loader.load(paths.stream().map(Path::of).toList(), maxInstances);
		} catch (IOException e) {
			err.println(e.getMessage());
			return Main.EXIT_USAGE;
		}
		List<ScenarioResult> results = new ArrayList<>();
		List<ResultTable> tables = new ArrayList<>();
		ScenarioRunner runner = new ScenarioRunner(Budget.DEFAULT.withMaxInstances(maxInstances));
		for (ScenarioLoader.LoadedFile f : loaded.files()) {
			if (f.runnable()) {
				List<ScenarioResult> ofFile = runner.run(f.path(), f.model());
				results.addAll(ofFile);
				tables.addAll(Tables.build(f.path(), f.model(), ofFile));
			}
		}
		RunResult run = new RunResult(results, tables, loaded.diagnostics());
		out.print(Reports.render(format, run));
		if (!format.equals("text")) {
			run.diagnostics().forEach(d -> err.println(d)); // the text report has them in line
		}
		for (Map.Entry<Path, String> report : reports.entrySet()) {
			try {
				Reports.write(report.getKey(), Reports.render(report.getValue(), run));
			} catch (IOException e) {
				err.println("dmabufdio: cannot write " + report.getKey() + ": " + e.getMessage());
				return Main.EXIT_INTERNAL;
			}
		}
		if (run.hasErrors()) {
			return Main.EXIT_INVALID;
		}
		return (int) Math.min(Main.MAX_FAILED, run.failed());
	}
}
