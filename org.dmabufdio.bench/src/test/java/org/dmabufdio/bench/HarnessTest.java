package org.dmabufdio.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** The harness itself (not the timings: those are measured by ./dmabufdio bench, never in tests). */
class HarnessTest {

	@Test
	void aWorkloadLoadsItsFileIntoTheDmaBuf() {
		for (boolean direct : new boolean[] { false, true }) {
			Workload w = Workload.boot("qemu_virtio", 64 * Units.MIB, direct).allocate();
			assertEquals(64 * Units.MIB, w.read());
			assertTrue(w.machine.now() > 0, "simulated time passed");
		}
	}

	@Test
	void aChildJvmsResultLineReadsBack() {
		Result r = new Result("case", 12.5, 80.25, 61000.5, 3.25, 40.0, 20.5, 11.25);
		assertEquals(r, Result.parse(r.line()));
	}

	@Test
	void theGeneratedSuitesAreValidAndAsLongAsTheirCasesSay() {
		for (String text : new String[] { Suites.longScenario(5000), Suites.manyScenarios(5000) }) {
			long lines = Suites.parseAndValidate(text);
			assertTrue(lines >= 5000 && lines < 5030, lines + " lines");
		}
	}

	@Test
	void everyCaseHasATargetAndAHeapLimit() {
		for (Case c : Case.values()) {
			assertTrue(c.targetMs > 0 && c.heapMb > 0, c.id);
			assertEquals(c, Case.byId(c.id));
		}
	}
}
