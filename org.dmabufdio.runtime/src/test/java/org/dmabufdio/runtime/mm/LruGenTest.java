package org.dmabufdio.runtime.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** The multi-generational LRU (CONFIG_LRU_GEN, mm/vmscan.c) on the 1 GiB test machine. */
class LruGenTest {

	static final long MB = Units.MIB;

	private static Sim mglru() {
		BootParams p = TestMachines.small();
		p.lruGen = true;
		return new Sim(p, "baseline");
	}

	private static long mapFile(Sim s, String name, long bytes) {
		int fd = s.open(name, OpenFile.O_RDWR);
		long addr = s.m.mmap(s.app, bytes, Sim.RW, Mmap.MAP_SHARED, fd, 0, MapMethod.KERNEL_DEFAULT);
		s.m.close(s.app, fd);
		return addr;
	}

	/** lru_gen_add_folio(): faulted-in pages start youngest (active), pages read() second oldest (inactive). */
	@Test
	void faultedPagesStartYoungAndReadPagesOld() {
		Sim s = mglru();
		s.m.createFile("read.bin", 64 * MB);
		s.m.createFile("mapped.bin", 32 * MB);
		long buf = s.anon(64 * MB);
		s.readAll("read.bin", buf, false);
		assertEquals(64 * 1024, s.mem("Inactive(file)"));
		assertEquals(0, s.mem("Active(file)"));
		long view = mapFile(s, "mapped.bin", 32 * MB);
		s.m.touch(s.app, view, 32 * MB, false);
		assertEquals(32 * 1024, s.mem("Active(file)"), "folio_add_lru() in a fault sets PG_active");
		s.readAll("read.bin", buf, false);
		assertEquals(32 * 1024, s.mem("Active(file)"), "a second read() only counts the access (tiers), it moves nothing");
	}

	/** Eviction takes the oldest generation: the file read() goes before the mapped one, though it came later. */
	@Test
	void evictionTakesTheOldestGenerationWhateverTheOrderOfArrival() {
		Sim s = mglru();
		s.m.createFile("mapped.bin", 200 * MB);
		s.m.createFile("read.bin", 300 * MB);
		long view = mapFile(s, "mapped.bin", 200 * MB);
		s.m.touch(s.app, view, 200 * MB, false);
		long buf = s.anon(300 * MB);
		s.readAll("read.bin", buf, false);
		long before = s.status("RssFile");
		long inactive = s.mem("Inactive(file)");
		long more = s.anon(250 * MB);
		assertEquals(250 * MB, s.m.touch(s.app, more, 250 * MB, true));
		assertEquals(before, s.status("RssFile"), "the mapped file kept every page");
		long stolen = s.events(VmEvent.PGSTEAL_KSWAPD) + s.events(VmEvent.PGSTEAL_DIRECT);
		assertTrue(stolen > 0);
		assertEquals(inactive - stolen * 4, s.mem("Inactive(file)"), "every page reclaimed was read.bin's");
	}

	/**
	 * Scan resistance: a stream read() through the page cache refills the oldest generation and
	 * evicts itself, so a mapping faulted in earlier survives it; the two-list LRU gives the
	 * mapped pages one more trip round the inactive list, then evicts them.
	 */
	@Test
	void aStreamingReadLeavesAMappingAloneUnlikeTheTwoListLru() {
		for (boolean lruGen : new boolean[] { false, true }) {
			BootParams p = TestMachines.small();
			p.lruGen = lruGen;
			Sim s = new Sim(p, "baseline");
			s.m.createFile("mapped.bin", 100 * MB);
			s.m.createFile("stream.bin", 2048 * MB);
			long view = mapFile(s, "mapped.bin", 100 * MB);
			s.m.touch(s.app, view, 100 * MB, false);
			long buf = s.anon(64 * MB);
			int fd = s.open("stream.bin", OpenFile.O_RDONLY);
			for (long pos = 0; pos < 2048 * MB; pos += 64 * MB) {
				assertEquals(64 * MB, s.m.pread(s.app, fd, buf, 64 * MB, pos));
			}
			if (lruGen) {
				assertEquals(100 * 1024, s.status("RssFile"), "MGLRU kept the mapping");
			} else {
				assertTrue(s.status("RssFile") < 10 * 1024, "the two-list LRU evicted it: " + s.status("RssFile") + " kB left");
			}
		}
	}

	/**
	 * Aging ({@code walk_mm()}) promotes mapped pages accessed since the last walk and clears
	 * their accessed bits; pages not accessed again age with their generation and are evicted
	 * when it is the oldest.
	 */
	@Test
	void agingPromotesWhatWasAccessedAndLetsTheRestGrowOld() {
		Sim s = mglru();
		LruGen gen = s.k().lru.lruGen();
		s.m.createFile("a.bin", 64 * MB);
		s.m.createFile("b.bin", 64 * MB);
		long a = mapFile(s, "a.bin", 64 * MB);
		long b = mapFile(s, "b.bin", 64 * MB);
		s.m.touch(s.app, a, 64 * MB, false);
		s.m.touch(s.app, b, 64 * MB, false);
		assertEquals(128 * 1024, s.mem("Active(file)"));
		gen.incMaxSeq(false); // both were accessed: promoted, accessed bits cleared
		assertEquals(128 * 1024, s.mem("Active(file)"));
		s.m.touch(s.app, a, 64 * MB, false); // only a is used again
		gen.incMaxSeq(false);
		assertEquals(128 * 1024, s.mem("Active(file)"), "b is in the second youngest generation now");
		s.m.touch(s.app, a, 64 * MB, false);
		gen.incMaxSeq(false);
		assertEquals(64 * 1024, s.mem("Active(file)"), "b was not accessed since the last two walks: it left the two youngest");
		assertEquals(64 * 1024, s.mem("Inactive(file)"));
		long more = s.anon(900 * MB);
		s.m.touch(s.app, more, 900 * MB, true);
		assertTrue(s.m.smapsAt(s.app, b).fields().get("Rss") < s.m.smapsAt(s.app, a).fields().get("Rss"),
				"the older generation went first");
	}

	/** Direct reclaim under MGLRU frees an eviction batch (MIN_LRU_BATCH) per call: half the calls. */
	@Test
	void directReclaimCallsFreeAnEvictionBatchEach() {
		long[] stalls = new long[2];
		for (int i = 0; i < 2; i++) {
			BootParams p = TestMachines.small();
			p.lruGen = i == 1;
			p.systemCacheBytes = 900 * MB;
			Sim s = new Sim(p, "baseline");
			long addr = s.anon(600 * MB);
			s.m.touch(s.app, addr, 600 * MB, true);
			stalls[i] = s.events(VmEvent.ALLOCSTALL);
			assertTrue(stalls[i] > 0);
		}
		assertTrue(stalls[1] < stalls[0] * 0.7, "classic " + stalls[0] + " stalls, MGLRU " + stalls[1]);
	}
}
