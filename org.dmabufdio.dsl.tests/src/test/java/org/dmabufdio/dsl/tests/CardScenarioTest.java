package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.StepResult;
import org.dmabufdio.dsl.results.Verdict;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** scenarios/card.dmabuf runs as the design card says, under the three kernels of the seed. */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class CardScenarioTest {

	@Inject
	private Injector injector;

	private List<ScenarioResult> run() {
		Scenarios s = new Scenarios(injector);
		return s.run(s.load(Scenarios.DIR.resolve("card.dmabuf")));
	}

	@Test
	void patchesOneAndTwoKeepRssUnchanged() {
		ScenarioResult r = run().get(0);
		assertEquals(Verdict.PASS, r.status(), r.message());
		StepResult read = r.steps().stream().filter(s -> s.text().startsWith("read")).findFirst().orElseThrow();
		assertEquals(3L << 30, read.ret());
	}

	@Test
	void patchOneAloneFailsAtTheRssAssertionShowingTheChange() {
		ScenarioResult r = run().get(1);
		assertEquals(Verdict.FAIL, r.status());
		assertEquals(11, r.line());
		assertEquals(88, r.column(), "the column of 'assert rss unchanged' on the card line");
		assertTrue(r.message().contains("RssFile grew by 3145728 kB"), r.message());
	}

	@Test
	void baselineRefusesDirectIoIntoTheMapping() {
		ScenarioResult r = run().get(2);
		assertEquals(Verdict.PASS, r.status(), r.message());
		StepResult read = r.steps().stream().filter(s -> s.text().startsWith("read")).findFirst().orElseThrow();
		assertEquals("EFAULT", read.errno());
		assertEquals(17, read.line());
	}

	@Test
	void stepsCarryTheCountersOfTheProcessThatRanThem() {
		ScenarioResult r = run().get(1);
		StepResult mmap = r.steps().stream().filter(s -> s.text().startsWith("mmap")).findFirst().orElseThrow();
		assertEquals(3145728L, mmap.status().get("RssFile"));
		assertEquals(3145728L, mmap.status().get("VmRSS"));
		assertTrue(mmap.meminfo().get("Mapped") >= 3145728L);
	}
}
