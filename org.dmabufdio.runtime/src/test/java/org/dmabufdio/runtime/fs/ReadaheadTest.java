package org.dmabufdio.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** mm/readahead.c: window sizes and what they do to the device. */
class ReadaheadTest {

	@Test
	void windowSizesFollowTheKernel() {
		// get_init_ra_size(): 4x a small request, 2x a medium one, the maximum for a large one
		assertEquals(16, Readahead.getInitRaSize(4, 32 * 16));
		assertEquals(32, Readahead.getInitRaSize(16, 128));
		assertEquals(32, Readahead.getInitRaSize(64, 32));
		// get_next_ra_size(): 4x while below max/16, 2x up to max/2, then max
		assertEquals(16, Readahead.getNextRaSize(4, 128));
		assertEquals(64, Readahead.getNextRaSize(32, 128));
		assertEquals(128, Readahead.getNextRaSize(100, 128));
	}

	/** Small sequential reads ride the readahead window: more readahead, fewer, larger requests. */
	@Test
	void aLargerWindowMeansFewerRequests() {
		long[] requests = new long[2];
		long[] ras = { 128 * 1024, 16 * Units.MIB };
		for (int i = 0; i < 2; i++) {
			BootParams p = TestMachines.small();
			p.readAheadKb = ras[i] / 1024;
			p.maxRequestBytes = 16 * Units.MIB;
			Sim s = new Sim(p, "baseline");
			s.m.createFile("f", 64 * Units.MIB);
			long buf = s.anon(Units.MIB);
			int fd = s.open("f", OpenFile.O_RDONLY);
			for (long pos = 0; pos < 64 * Units.MIB; pos += 64 * 1024) {
				assertEquals(64 * 1024, s.m.pread(s.app, fd, buf, 64 * 1024, pos));
			}
			requests[i] = s.k().bdev.requests();
		}
		assertTrue(requests[0] >= 512, "128 KiB windows: " + requests[0]);
		assertTrue(requests[1] <= 16, "16 MiB windows: " + requests[1]);
	}

	/**
	 * page_cache_async_ra(): reaching the PG_readahead page of a window submits the next one
	 * while the reader is still inside the current window, so a streaming reader finds its pages
	 * already on the way instead of missing at every window's end.
	 */
	@Test
	void theReadaheadMarkStartsTheNextWindowAhead() {
		BootParams p = TestMachines.small();
		p.readAheadKb = 128;
		Sim s = new Sim(p, "baseline");
		s.m.createFile("f", 4 * Units.MIB);
		long buf = s.anon(Units.MIB);
		int fd = s.open("f", OpenFile.O_RDONLY);
		long cached = s.mem("Cached");
		// the first 16 KiB: a window of 8 pages, its 5th marked
		assertEquals(16 * 1024, s.m.pread(s.app, fd, buf, 16 * 1024, 0));
		assertEquals(8 * 4, s.mem("Cached") - cached);
		// the next 16 KiB start at the mark: pages 8 to 23 are read ahead of the reader
		assertEquals(16 * 1024, s.m.pread(s.app, fd, buf, 16 * 1024, 16 * 1024));
		assertEquals(24 * 4, s.mem("Cached") - cached);
		// and so on, window after window: the cache stays a window ahead of what was read
		for (long pos = 32 * 1024; pos < Units.MIB; pos += 16 * 1024) {
			assertEquals(16 * 1024, s.m.pread(s.app, fd, buf, 16 * 1024, pos));
			assertTrue(s.mem("Cached") - cached > (pos + 16 * 1024) / 1024, "ahead of the reader at " + pos);
		}
	}

	/**
	 * Completion times are kept per request and dropped in bulk once past: a long streaming read
	 * keeps a bounded number of them, and a read still in flight is never forgotten.
	 */
	@Test
	void completionTimesStayFewAndPendingOnesAreKept() {
		BootParams p = TestMachines.small();
		Sim s = new Sim(p, "baseline");
		s.m.createFile("f", 512 * Units.MIB);
		long buf = s.anon(Units.MIB);
		int fd = s.open("f", OpenFile.O_RDONLY);
		AddressSpace mapping = s.k().vfs.lookup("f").mapping;
		for (long pos = 0; pos < 512 * Units.MIB; pos += Units.MIB) {
			assertEquals(Units.MIB, s.m.pread(s.app, fd, buf, Units.MIB, pos));
			assertTrue(mapping.readyAt.runCount() <= AddressSpace.PRUNE_AT, "at " + pos + ": " + mapping.readyAt.runCount());
		}
		// completions in any order: the pending ones stay, the past ones go once there are many
		s.m.createFile("g", 4 * Units.MIB);
		AddressSpace g = s.k().vfs.lookup("g").mapping;
		long now = s.k().clock.now();
		for (int i = 0; i < 300; i++) {
			g.readCompletesAt(2 * i, 2 * i + 1, i % 3 == 0 ? now + 1 + i : now - 1);
			int pending = i / 3 + 1;
			assertTrue(g.readyAt.runCount() <= Math.max(AddressSpace.PRUNE_AT, pending + 1),
					"after " + i + ": " + g.readyAt.runCount());
			for (int j = 0; j <= i; j += 3) {
				assertEquals(now + 1 + j, g.readyAt.get(2 * j), "the read of page " + 2 * j + " is still in flight");
			}
		}
	}
}
