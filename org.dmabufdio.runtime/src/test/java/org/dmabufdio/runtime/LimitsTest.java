package org.dmabufdio.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.kernel.SimulationLimitException;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** Sizes far beyond the JVM's heap are ranges; work beyond a budget is refused, never an OOM. */
class LimitsTest {

	@Test
	void aMachineOfTwoToTheSixtyBytesBootsAndAllocates() {
		BootParams p = TestMachines.small();
		p.ramBytes = 1L << 60;
		p.dma32Bytes = 4 * Units.GIB;
		p.fragmentationPercent = 10;
		Sim s = new Sim(p, "baseline");
		assertEquals((1L << 60) >> 10, s.mem("MemTotal"), "MemTotal in kB");
		assertEquals(-Errno.ENOMEM, s.anon(1L << 50), "a PiB does not fit in a 47-bit address space");
		long a = s.anon(1L << 46);
		assertTrue(a > 0);
		assertEquals(1L << 46, s.m.touch(s.app, a, 1L << 46, true), "64 TiB of anonymous memory is a few ranges");
		assertEquals((1L << 46) >> 10, s.status("RssAnon"));
	}

	@Test
	void workBeyondTheBudgetIsRefusedWithAMessage() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 64 * Units.MIB);
		long buf = s.anon(64 * Units.MIB);
		s.k().limitWork(100, Long.MAX_VALUE);
		SimulationLimitException e = assertThrows(SimulationLimitException.class, () -> s.readAll("f", buf, false));
		assertTrue(e.getMessage().contains("more than 100 steps"), e.getMessage());
	}

	@Test
	void theHeapRefusesWhatTheMachineCannotHold() {
		Sim s = new Sim("baseline");
		assertEquals(-Errno.ENOMEM, s.m.dmaHeapAlloc(s.app, "system", 1L << 60));
	}
}
