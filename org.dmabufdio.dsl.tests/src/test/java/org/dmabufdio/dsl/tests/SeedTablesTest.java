package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.interpreter.Tables;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * The published tables, reproduced by the scenarios under scenarios/seed/ from the simulated
 * work (the device profiles hold the only calibrated values; see docs/timing-model.md).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class SeedTablesTest {

	@Inject
	private Injector injector;

	private ResultTable table(String file) {
		Scenarios s = new Scenarios(injector);
		Resource r = s.load(Scenarios.DIR.resolve("seed").resolve(file));
		List<ScenarioResult> results = s.run(r);
		results.forEach(x -> assertTrue(x.passed(), x.name() + " " + x.params() + ": " + x.message()));
		List<ResultTable> tables = Tables.build(results.get(0).file(), (Model) r.getContents().get(0), results);
		assertEquals(1, tables.size());
		return tables.get(0);
	}

	private static double averageOf(ResultTable t, String label, int column) {
		int i = 0;
		while (!t.rows().get(i).label().equals(label)) {
			i++;
		}
		while (!"average".equals(t.rows().get(i).round())) {
			i++;
		}
		return t.rows().get(i).cellsMs().get(column);
	}

	private static void within(double percent, double expected, double actual, String what) {
		assertTrue(Math.abs(actual - expected) <= expected * percent / 100,
				what + ": " + Math.round(actual) + " ms against " + Math.round(expected) + " ms (±" + percent + "%)");
	}

	/** docs/timing-model.md shows a simulated cell as {@code before} its rounded value and " (". */
	private static void documented(String before, double actual, String what) throws IOException {
		String doc = Files.readString(Scenarios.DIR.resolveSibling("docs").resolve("timing-model.md"));
		String cell = before + Math.round(actual) + " (";
		assertTrue(doc.contains(cell), what + ": docs/timing-model.md should show '" + cell + "'");
	}

	@Test
	void theCoverLetterTable() throws IOException {
		ResultTable t = table("cover-letter-table.dmabuf");
		assertEquals(List.of("DIO-Time/ms", "BIO-Time/ms"), t.columns());
		assertEquals(8, t.rows().size(), "3 rounds and an average for each memory state");
		double dioClean = averageOf(t, "Clean", 0);
		double bioClean = averageOf(t, "Clean", 1);
		double dioStress = averageOf(t, "Eat 4GB", 0);
		double bioStress = averageOf(t, "Eat 4GB", 1);
		within(5, 1438, dioClean, "clean DIO");
		within(5, 2118, bioClean, "clean BIO");
		within(5, 1554, dioStress, "DIO with 4 GB eaten");
		within(5, 4905, bioStress, "BIO with 4 GB eaten");
		within(5, 1.47, bioClean / dioClean, "clean BIO/DIO");
		within(5, 3.16, bioStress / dioStress, "stressed BIO/DIO");
		documented("| ", dioClean, "clean DIO");
		documented("| ", bioClean, "clean BIO");
		documented("| ", dioStress, "DIO with 4 GB eaten");
		documented("| ", bioStress, "BIO with 4 GB eaten");
	}

	/** vivo's table (averages of 3 rounds): each of the six cells within 10%. */
	@Test
	void vivosAllocAndReadTable() throws IOException {
		ResultTable t = table("alloc-and-read.dmabuf");
		assertEquals(List.of("no pressure", "stressapptest 4 GB"), t.columns());
		String memcpy = "mmap the file + memcpy into the dmabuf";
		String direct = "alloc-and-read, O_DIRECT";
		String buffered = "alloc-and-read, buffered";
		within(10, 2370.5, averageOf(t, memcpy, 0), "mmap + memcpy, no pressure");
		within(10, 13087.2, averageOf(t, memcpy, 1), "mmap + memcpy, 4 GB stress");
		within(10, 1269.2, averageOf(t, direct, 0), "alloc-and-read O_DIRECT, no pressure");
		within(10, 2902.4, averageOf(t, direct, 1), "alloc-and-read O_DIRECT, 4 GB stress");
		within(10, 2268.6, averageOf(t, buffered, 0), "alloc-and-read buffered, no pressure");
		within(10, 5735.6, averageOf(t, buffered, 1), "alloc-and-read buffered, 4 GB stress");
		for (String method : List.of(memcpy, direct, buffered)) {
			for (int column = 0; column < 2; column++) {
				documented(" / ", averageOf(t, method, column), method + ", column " + column);
			}
		}
		assertTrue(averageOf(t, memcpy, 1) > 2.5 * averageOf(t, memcpy, 0), "memcpy through the page cache suffers most");
		for (int column = 0; column < 2; column++) {
			assertTrue(averageOf(t, direct, column) < averageOf(t, buffered, column), "O_DIRECT wins");
		}
	}
}
