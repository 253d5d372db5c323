package org.dmabufdio.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.dmabufdio.runtime.Machine;
import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.mm.VmEvent;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/**
 * Times emerge from the work done: device transfers and latencies, per-page CPU costs,
 * readahead windows, reclaim stalls and contention. Each test would fail if the mechanism
 * behind it were missing.
 */
class TimingTest {

	static final long MB = Units.MIB;
	/** The small test machine's storage: 2e9 B/s, 200 us per request, 512 KiB requests. */
	static final double BYTES_PER_NS = 2.0;
	static final long LATENCY_NS = 200_000;

	private static Sim sim(Consumer<BootParams> tune) {
		BootParams p = TestMachines.small();
		p.readBytesPerSecond = BYTES_PER_NS * 1e9;
		p.requestLatencyNs = LATENCY_NS;
		p.kswapdSpeedPercent = 30; // as on the phones: kswapd slower than a reader
		tune.accept(p);
		return new Sim(p, "dmabuf_dio");
	}

	/** The simulated time {@code r} takes. */
	private static long timeOf(Sim s, Runnable r) {
		long t0 = s.m.now();
		r.run();
		return s.m.now() - t0;
	}

	@Test
	void aLargeDirectReadIsBandwidthBound() {
		Sim s = sim(p -> { });
		s.m.createFile("f", 256 * MB);
		long buf = s.anon(256 * MB);
		s.m.touch(s.app, buf, 256 * MB, true);
		long ns = timeOf(s, () -> s.readAll("f", buf, true));
		double transfer = 256 * MB / BYTES_PER_NS;
		assertTrue(ns >= transfer && ns < transfer * 1.02 + LATENCY_NS, "256 MiB in " + ns + " ns, transfer alone " + transfer);
	}

	@Test
	void aSmallDirectReadIsLatencyBound() {
		Sim s = sim(p -> { });
		s.m.createFile("f", MB);
		long buf = s.anon(MB);
		s.m.touch(s.app, buf, MB, true);
		int fd = s.open("f", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		long ns = timeOf(s, () -> s.m.pread(s.app, fd, buf, 4096, 0));
		assertTrue(ns > LATENCY_NS && ns < LATENCY_NS + 10_000, "4 KiB took " + ns + " ns against a latency of " + LATENCY_NS);
	}

	/** Time of a buffered and a direct read of the same 256 MiB, with this readahead. */
	private static double bufferedOverDirect(long readAheadKb) {
		Sim s = sim(p -> p.readAheadKb = readAheadKb);
		s.m.createFile("f", 256 * MB);
		long buf = s.anon(256 * MB);
		s.m.touch(s.app, buf, 256 * MB, true);
		long direct = timeOf(s, () -> s.readAll("f", buf, true));
		long buffered = timeOf(s, () -> s.readAll("f", buf, false));
		return (double) buffered / direct;
	}

	@Test
	void aLargerReadaheadWindowBringsBufferedReadsCloseToDirectIo() {
		double small = bufferedOverDirect(128);
		double large = bufferedOverDirect(16 * 1024);
		assertTrue(small > 1.25, "128 KiB readahead: buffered/direct " + small);
		assertTrue(large < small - 0.15, "16 MiB readahead: buffered/direct " + large + " against " + small);
	}

	@Test
	void underPressureBufferedReadsStallInDirectReclaimDirectReadsDoNot() {
		Sim clean = sim(p -> { });
		Sim tight = sim(p -> { });
		for (Sim s : new Sim[] { clean, tight }) {
			s.m.createFile("f", 384 * MB);
		}
		tight.m.stress(600 * MB, 1); // one thread: no CPU contention, only memory taken
		long cleanBuf = clean.anon(384 * MB);
		long tightBuf = tight.anon(384 * MB);
		clean.m.touch(clean.app, cleanBuf, 384 * MB, true);
		tight.m.touch(tight.app, tightBuf, 384 * MB, true);
		long stalls = tight.events(VmEvent.ALLOCSTALL);
		long tightDirect = timeOf(tight, () -> tight.readAll("f", tightBuf, true));
		assertEquals(stalls, tight.events(VmEvent.ALLOCSTALL), "direct I/O allocates nothing");
		long cleanNs = timeOf(clean, () -> clean.readAll("f", cleanBuf, false));
		Map<String, Long> before = tight.m.timeSpent();
		long tightNs = timeOf(tight, () -> tight.readAll("f", tightBuf, false));
		assertTrue(tight.events(VmEvent.ALLOCSTALL) > stalls, "the buffered read under pressure stalled");
		assertTrue(tight.m.timeSpent().getOrDefault("shrink_slab", 0L) > before.getOrDefault("shrink_slab", 0L));
		assertTrue(tightNs > cleanNs * 1.1, "under pressure " + tightNs + " ns, clean " + cleanNs + " ns");
		assertTrue(tightDirect < cleanNs, "direct I/O is not slowed by the pressure");
	}

	@Test
	void directIoIntoAMemfdPaysAPinPerPageTheExporterPathDoesNot() {
		Sim s = sim(p -> p.costs.put(Cost.GUP_PIN_NS, 100.0));
		s.m.createFile("f", 64 * MB);
		int memfd = (int) s.m.memfdCreate(s.app, "weights");
		s.m.ftruncate(s.app, memfd, 64 * MB);
		long view = s.m.mmap(s.app, 64 * MB, Sim.RW, Mmap.MAP_SHARED, memfd, 0, MapMethod.KERNEL_DEFAULT);
		s.m.touch(s.app, view, 64 * MB, true);
		long pins = s.m.timeSpent().getOrDefault("gup_pin", 0L);
		assertEquals(64 * MB, s.readAll("f", view, true));
		assertEquals(64 * MB / 4096 * 100, s.m.timeSpent().get("gup_pin") - pins, "one pin per page at 100 ns");

		BootParams p = TestMachines.small();
		Machine m = new Machine(p, KernelVariant.byName("baseline").with(Set.of(Feature.RW_FILE)));
		Task app = m.spawn("app");
		m.createFile("f", 64 * MB);
		int buf = (int) m.dmaHeapAlloc(app, "system", 64 * MB);
		int fd = (int) m.open(app, "f", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		assertEquals(64 * MB, m.dmaBufRwFile(app, buf, fd, 0, 64 * MB, false));
		assertEquals(0L, m.timeSpent().getOrDefault("gup_pin", 0L), "the exporter reads into its own pages");
	}

	@Test
	void aStressorOnEveryCpuDoublesCpuWorkAndSaturatesDram() {
		Sim quiet = sim(p -> p.dramBytesPerSecond = 40e9);
		Sim busy = sim(p -> p.dramBytesPerSecond = 40e9);
		busy.m.stress(64 * MB, 0);
		CostModel q = quiet.k().costs;
		CostModel b = busy.k().costs;
		assertEquals(2 * q.nanos(Cost.PAGE_CACHE_INSERT_NS, 1000), b.nanos(Cost.PAGE_CACHE_INSERT_NS, 1000));
		double share = busy.k().contention.dramShare(q.get(Cost.MEMCPY_BYTES_PER_S));
		assertTrue(share < 1, "8 copy threads ask more of DRAM than it gives");
		assertEquals(Math.round(2 * q.copyNanos(MB) / share), b.copyNanos(MB), 2);
	}

	@Test
	void runToRunNoiseIsSeededAndOnlyThere() {
		long[] times = new long[3];
		for (int i = 0; i < 3; i++) {
			long seed = i < 2 ? 7 : 8;
			Sim s = sim(p -> {
				p.noisePermille = 25;
				p.seed = seed;
			});
			s.m.createFile("f", 64 * MB);
			long buf = s.anon(64 * MB);
			s.m.touch(s.app, buf, 64 * MB, true);
			times[i] = timeOf(s, () -> s.readAll("f", buf, false));
		}
		assertEquals(times[0], times[1], "the same seed gives the same machine");
		assertNotEquals(times[0], times[2], "another seed, another run");
		assertTrue(Math.abs(times[0] - times[2]) < 0.2 * times[0], "within the spread the profile gives");
	}
}
