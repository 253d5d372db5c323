package org.dmabufdio.bench;

import org.dmabufdio.runtime.util.Units;

/**
 * The targets of the simulator (issue 3): each case, the heap it must fit in (its JVM runs with
 * that -Xmx), the wall time it must stay under once warm, and what it times.
 */
enum Case {

	/** The seed's phone reading its 3.21 GiB model buffered, with 4 GiB eaten: the read is timed. */
	PHONE_BUFFERED_UNDER_PRESSURE("phone_buffered_under_pressure", 64, 50) {
		@Override
		Workload prepare() {
			return Workload.boot("phone_16g_ufs40", (long) (3.21 * Units.GIB), false).stress(4 * Units.GIB).allocate();
		}

		@Override
		long run(Workload w) {
			return w.read();
		}
	},

	/** A 1 TiB server loading a 256 GiB file into a dma-buf with buffered reads: allocation, mmap, read. */
	TIB_LOAD_BUFFERED("tib_load_256g_buffered", 512, 2000) {
		@Override
		Workload prepare() {
			return tib(false);
		}

		@Override
		long run(Workload w) {
			return w.allocate().read();
		}
	},

	/** The same with O_DIRECT. */
	TIB_LOAD_DIRECT("tib_load_256g_direct", 512, 2000) {
		@Override
		Workload prepare() {
			return tib(true);
		}

		@Override
		long run(Workload w) {
			return w.allocate().read();
		}
	};

	final String id;
	final int heapMb;
	final long targetMs;

	Case(String id, int heapMb, long targetMs) {
		this.id = id;
		this.heapMb = heapMb;
		this.targetMs = targetMs;
	}

	/** The machine before the clock starts (booted, set up). */
	abstract Workload prepare();

	/** The timed part; returns the bytes it loaded. */
	abstract long run(Workload w);

	private static Workload tib(boolean direct) {
		return Workload.boot("server_nvme", 256 * Units.GIB, direct, "ram", "1T", "memtotal", "1000G");
	}

	static Case byId(String id) {
		for (Case c : values()) {
			if (c.id.equals(id)) {
				return c;
			}
		}
		throw new IllegalArgumentException("no benchmark " + id);
	}
}
