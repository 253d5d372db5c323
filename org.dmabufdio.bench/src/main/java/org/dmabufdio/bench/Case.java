package org.dmabufdio.bench;

import java.util.function.Supplier;

import org.dmabufdio.runtime.util.Units;

/**
 * The targets of the simulator (issue 3) and of the language (issue 15): each case, the heap it
 * must fit in (its JVM runs with that -Xmx), the wall time it must stay under once warm, and what
 * it times. A case's run returns the units it did (bytes loaded, lines read), so the harness can
 * give a rate.
 */
enum Case {

	/** The seed's phone reading its 3.21 GiB model buffered, with 4 GiB eaten: the read is timed. */
	PHONE_BUFFERED_UNDER_PRESSURE("phone_buffered_under_pressure", 64, 50) {
		@Override
		Object prepare() {
			return Workload.boot("phone_16g_ufs40", (long) (3.21 * Units.GIB), false).stress(4 * Units.GIB).allocate();
		}

		@Override
		long run(Object w) {
			return ((Workload) w).read();
		}
	},

	/** A 1 TiB server loading a 256 GiB file into a dma-buf with buffered reads: allocation, mmap, read. */
	TIB_LOAD_BUFFERED("tib_load_256g_buffered", 512, 2000) {
		@Override
		Object prepare() {
			return tib(false);
		}

		@Override
		long run(Object w) {
			return ((Workload) w).allocate().read();
		}
	},

	/** The same with O_DIRECT. */
	TIB_LOAD_DIRECT("tib_load_256g_direct", 512, 2000) {
		@Override
		Object prepare() {
			return tib(true);
		}

		@Override
		long run(Object w) {
			return ((Workload) w).allocate().read();
		}
	},

	/** A 5,000-line suite file of 200 scenarios, parsed, linked and validated as ./dmabufdio run does. */
	PARSE_VALIDATE_SUITE("parse_validate_5000_lines", () -> Suites.manyScenarios(5000)),

	/** One scenario of 5,000 lines: names declared and used all along it (linking was quadratic in its length). */
	PARSE_VALIDATE_LONG_SCENARIO("parse_validate_5000_line_scenario", () -> Suites.longScenario(5000)),

	/** Cold start (issue 13): ./dmabufdio run of the seed's table, started as a process; under 1 s. */
	COLD_START_SEED_TABLE("cold_start_seed_table", 1000, () -> ColdStart.root().resolve("scenarios/seed/cover-letter-table.dmabuf")),

	/** Cold start of a scenario with nothing in it: the tool's own start-up; under 0.6 s. */
	COLD_START_EMPTY("cold_start_empty_scenario", 600, ColdStart::emptyScenario);

	final String id;
	final int heapMb;
	final long targetMs;
	/** The suite text a language case parses; null for the simulator's cases. */
	private final Supplier<String> suite;
	/** The file a cold-start case runs ./dmabufdio on; null for the other cases. */
	final Supplier<java.nio.file.Path> coldStartFile;

	Case(String id, int heapMb, long targetMs) {
		this.id = id;
		this.heapMb = heapMb;
		this.targetMs = targetMs;
		this.suite = null;
		this.coldStartFile = null;
	}

	/** A language case: parse, link and validate the text (within 1 s, in 256 MB). */
	Case(String id, Supplier<String> suite) {
		this.id = id;
		this.heapMb = 256;
		this.targetMs = 1000;
		this.suite = suite;
		this.coldStartFile = null;
	}

	/** A cold-start case: the launcher's process, timed whole (its heap is the launcher's own). */
	Case(String id, long targetMs, Supplier<java.nio.file.Path> file) {
		this.id = id;
		this.heapMb = Integer.MAX_VALUE;
		this.targetMs = targetMs;
		this.suite = null;
		this.coldStartFile = file;
	}

	/** What the timed part works on, made before the clock starts (a booted machine, a file's text). */
	Object prepare() {
		Suites.language();
		return suite.get();
	}

	/** The timed part; returns the units it did (bytes loaded, lines read). */
	long run(Object prepared) {
		return Suites.parseAndValidate((String) prepared);
	}

	/** The unit {@link #run} counts, for the rate column. */
	String unit() {
		return suite != null ? "lines" : "bytes";
	}

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
