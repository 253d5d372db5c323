package org.dmabufdio.runtime;

import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.util.Units;

/** Small machines for tests: fast to boot, big enough for the rule under test. */
public final class TestMachines {

	private TestMachines() {
	}

	/** A 1 GiB machine with a single zone and the default ext4/512-byte-block storage. */
	public static BootParams small() {
		BootParams p = new BootParams();
		p.ramBytes = Units.GIB;
		p.dma32Bytes = 0;
		p.cmaBytes = 16 * Units.MIB;
		return p;
	}

	public static Machine boot(String variant) {
		return new Machine(small(), KernelVariant.byName(variant));
	}

	public static Machine boot(BootParams p, String variant) {
		return new Machine(p, KernelVariant.byName(variant));
	}
}
