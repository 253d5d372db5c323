package org.dmabufdio.runtime.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** The page cache, its LRU lists and reclaim (mm/filemap.c, mm/swap.c, mm/vmscan.c). */
class ReclaimTest {

	static final long MB = Units.MIB;

	@Test
	void aBufferedReadFillsTheInactiveListAndASecondReadPromotes() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 64 * MB);
		long buf = s.anon(64 * MB);
		long cached = s.mem("Cached");
		assertEquals(64 * MB, s.readAll("f", buf, false));
		assertEquals(64 * 1024, s.mem("Cached") - cached, "Cached grows by the file");
		assertEquals(64 * 1024, s.mem("Inactive(file)"), "new page cache goes to the inactive list");
		assertEquals(0, s.mem("Active(file)"));
		s.readAll("f", buf, false);
		assertEquals(64 * 1024, s.mem("Active(file)"), "read again: folio_mark_accessed() activates");
		assertEquals(0, s.mem("Inactive(file)"));
	}

	@Test
	void directIoBypassesThePageCache() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 64 * MB);
		long buf = s.anon(64 * MB);
		long cached = s.mem("Cached");
		assertEquals(64 * MB, s.readAll("f", buf, true));
		assertEquals(cached, s.mem("Cached"));
	}

	/** Below the low watermark kswapd wakes; left to run, it reclaims until the high one. */
	@Test
	void kswapdWakesBelowLowAndReclaimsToHigh() {
		BootParams p = TestMachines.small();
		p.systemCacheBytes = 900 * MB;
		Sim s = new Sim(p, "baseline");
		Zone zone = s.k().pageAlloc.zones().get(0);
		assertTrue(zone.freePages() >= zone.watermark(Zone.WMARK_HIGH), "booted balanced");
		long addr = s.anon(200 * MB);
		s.m.touch(s.app, addr, 200 * MB, true);
		assertTrue(s.k().vmscan.kswapdAwake() || zone.freePages() >= zone.watermark(Zone.WMARK_HIGH));
		s.m.settle();
		assertTrue(zone.freePages() >= zone.watermark(Zone.WMARK_HIGH), "kswapd stops at the high watermark");
		assertTrue(zone.freePages() < zone.watermark(Zone.WMARK_HIGH) + 2 * PageAllocator.SWAP_CLUSTER_MAX,
				"and not far above it: " + zone.freePages());
		assertTrue(s.events(VmEvent.PGSTEAL_KSWAPD) > 0);
	}

	/** An allocation that cannot stay above the min watermark reclaims directly and stalls. */
	@Test
	void directReclaimBelowMinStallsTheAllocatingTask() {
		BootParams p = TestMachines.small();
		p.systemCacheBytes = 900 * MB;
		Sim s = new Sim(p, "baseline");
		long t0 = s.m.now();
		long addr = s.anon(300 * MB);
		s.m.touch(s.app, addr, 300 * MB, true);
		assertTrue(s.events(VmEvent.ALLOCSTALL) > 0);
		assertTrue(s.events(VmEvent.PGSTEAL_DIRECT) > 0);
		assertEquals(300 * 1024, s.status("RssAnon"));
		assertTrue(s.m.now() > t0);
	}

	@Test
	void cleanPagesGoFirstDirtyOnesWaitForWriteback() {
		BootParams p = TestMachines.small();
		p.dirtyRatio = 90; // no background writeback: the dirty pages stay until reclaim meets them
		p.dirtyBackgroundRatio = 80;
		Sim s = new Sim(p, "baseline");
		s.m.createFile("dirty", 0);
		s.m.createFile("clean", 300 * MB);
		long buf = s.anon(300 * MB);
		s.m.touch(s.app, buf, 300 * MB, true);
		int fd = s.open("dirty", OpenFile.O_RDWR);
		assertEquals(200 * MB, s.m.pwrite(s.app, fd, buf, 200 * MB, 0));
		assertEquals(200 * 1024, s.mem("Dirty"));
		s.readAll("clean", buf, false);
		// now ask for more than is free: reclaim must take clean pages and leave dirty ones
		long more = s.anon(400 * MB);
		long waited = s.m.timeSpent().getOrDefault("io_wait", 0L);
		s.m.touch(s.app, more, 400 * MB, true);
		assertEquals(waited, s.m.timeSpent().getOrDefault("io_wait", 0L), "the allocation did not wait for writeback");
		assertEquals(0, s.mem("Dirty"), "reclaim woke the flusher for the dirty pages");
		assertTrue(s.mem("Cached") >= 200 * 1024, "pages under writeback were not freed: " + s.mem("Cached"));
		assertTrue(s.mem("Cached") < 500 * 1024, "clean pages were: " + s.mem("Cached"));
	}

	/** Without swap anonymous memory stays; the allocation that needs more fails (the OOM path). */
	@Test
	void anonymousMemoryIsNotReclaimedWithoutSwap() {
		Sim s = new Sim("baseline");
		long a = s.anon(700 * MB);
		s.m.touch(s.app, a, 700 * MB, true);
		long b = s.anon(400 * MB);
		long touched = s.m.touch(s.app, b, 400 * MB, true);
		assertTrue(touched < 400 * MB, "memory ran out");
		assertEquals(700 * 1024 + touched / 1024, s.status("RssAnon"));
		assertEquals(0, s.status("VmSwap"));
		assertTrue(s.k().findings.has(org.dmabufdio.runtime.kernel.Hazard.OOM));
	}

	@Test
	void withSwapAnonymousMemoryIsSwappedOut() {
		BootParams p = TestMachines.small();
		p.swapBytes = 1024 * MB;
		Sim s = new Sim(p, "baseline");
		long a = s.anon(700 * MB);
		s.m.touch(s.app, a, 700 * MB, true);
		long b = s.anon(400 * MB);
		assertEquals(400 * MB, s.m.touch(s.app, b, 400 * MB, true));
		assertTrue(s.status("VmSwap") > 0, "some anonymous memory went to swap");
		assertEquals(1100 * 1024, s.status("RssAnon") + s.status("VmSwap"));
		// touching swapped memory brings it back (major faults)
		s.m.touch(s.app, a, 700 * MB, false);
		assertTrue(s.events(VmEvent.PSWPIN) > 0);
	}

	@Test
	void zramKeepsWhatItSwapsCompressedInMemory() {
		BootParams p = TestMachines.small();
		p.swapBytes = 1024 * MB;
		p.swapCompression = 4;
		Sim s = new Sim(p, "baseline");
		long a = s.anon(700 * MB);
		s.m.touch(s.app, a, 700 * MB, true);
		long b = s.anon(500 * MB);
		s.m.touch(s.app, b, 500 * MB, true);
		Swap swap = s.k().swap();
		assertTrue(swap.usedSlots() > 0);
		assertEquals((long) Math.ceil(swap.usedSlots() / 4.0), swap.zsPages(), "a quarter page per swapped page");
	}

	@Test
	void dropCachesDropsCleanUnmappedPages() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 64 * MB);
		long buf = s.anon(64 * MB);
		s.readAll("f", buf, false);
		assertTrue(s.mem("Cached") >= 64 * 1024);
		s.m.dropCaches();
		assertEquals(0, s.mem("Cached"));
	}
}
