package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.interpreter.ScenarioRunner;
import org.dmabufdio.dsl.interpreter.Tables;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.results.ResultTable;

import org.dmabufdio.dsl.results.JsonReport;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** The same scenario gives the same result, bit for bit; rounds differ only by their seeds. */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class DeterminismTest {

	@Inject
	private Injector injector;

	private String json(String file) {
		Scenarios s = new Scenarios(injector);
		List<ScenarioResult> results = s.run(s.load(Scenarios.DIR.resolve(file)));
		return JsonReport.render(new RunResult(results, List.of()));
	}

	@Test
	void runningAScenarioTwiceGivesIdenticalJson() {
		String first = json("seed/cover-letter-table.dmabuf");
		String second = json("seed/cover-letter-table.dmabuf");
		assertEquals(first, second);
	}

	/** The whole shipped suite, loaded and run twice in one JVM as the command line does it: the same bytes. */
	@Test
	void theWholeShippedSuiteRunsToTheSameJsonTwice() throws IOException {
		assertEquals(suiteJson(), suiteJson());
	}

	private String suiteJson() throws IOException {
		ScenarioLoader.Loaded loaded = injector.getInstance(ScenarioLoader.class).load(List.of(Scenarios.DIR));
		List<ScenarioResult> results = new ArrayList<>();
		List<ResultTable> tables = new ArrayList<>();
		for (ScenarioLoader.LoadedFile f : loaded.files()) {
			List<ScenarioResult> ofFile = new ScenarioRunner().run(f.path(), f.model());
			results.addAll(ofFile);
			tables.addAll(Tables.build(f.path(), f.model(), ofFile));
		}
		assertEquals(List.of(), loaded.diagnostics().stream().filter(d -> d.severity().equals("error")).toList());
		assertTrue(results.size() > 50, "the suite ran: " + results.size() + " instances");
		return JsonReport.render(new RunResult(results, tables, loaded.diagnostics()));
	}

	@Test
	void roundsOfOneInstanceDifferByTheirNoiseOnly() {
		Scenarios s = new Scenarios(injector);
		List<ScenarioResult> results = s.run(s.load(Scenarios.DIR.resolve("seed/cover-letter-table.dmabuf")));
		ScenarioResult round1 = results.get(0);
		ScenarioResult round2 = results.get(1);
		assertEquals(round1.params(), round2.params());
		assertNotEquals(round1.timeNs(), round2.timeNs(), "each round draws its own run-to-run noise");
		assertEquals(round1.steps().size(), round2.steps().size());
	}
}
