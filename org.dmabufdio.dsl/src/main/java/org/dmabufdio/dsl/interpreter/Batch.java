package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.loading.Selection;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;

/**
 * A headless run of loaded files, whoever starts it (the command line, the Maven plugin): every
 * selected scenario of every file that may run, in order, with the tables the files ask for.
 */
public final class Batch {

	private Batch() {
	}

	public static RunResult run(ScenarioLoader.Loaded loaded, Selection selection, Budget budget) {
		List<ScenarioResult> results = new ArrayList<>();
		List<ResultTable> tables = new ArrayList<>();
		ScenarioRunner runner = new ScenarioRunner(budget, selection);
		for (ScenarioLoader.LoadedFile f : loaded.files()) {
			if (f.runnable()) {
				List<ScenarioResult> ofFile = runner.run(f.path(), f.model());
				results.addAll(ofFile);
				tables.addAll(Tables.build(f.path(), f.model(), ofFile));
			}
		}
		return new RunResult(results, tables, loaded.diagnostics());
	}

	/** Whether no scenario of the files that may run is selected (or there are none). */
	public static boolean noneSelected(ScenarioLoader.Loaded loaded, Selection selection) {
		return loaded.files().stream().filter(ScenarioLoader.LoadedFile::runnable)
				.flatMap(f -> f.model().getElements().stream())
				.noneMatch(e -> e instanceof Scenario s && selection.includes(s));
	}
}
