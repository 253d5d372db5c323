package org.dmabufdio.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dirty page cache and its writeback (mm/page-writeback.c, fs/fs-writeback.c) on the 1 GiB test
 * machine (dirty_background_ratio 10, dirty_ratio 20 unless a test says otherwise).
 */
class WritebackTest {

	private static final long MB = Units.MIB;
	private static final long S = 1_000_000_000L;

	/** A machine with buffered writes going from an anonymous buffer of {@code size}. */
	private static final class Writer {
		final Sim s;
		final long buf;
		final int fd;

		Writer(BootParams p, long size) {
			s = new Sim(p, "baseline");
			s.m.createFile("out.bin", 0);
			buf = s.anon(size);
			s.m.touch(s.app, buf, size, true);
			fd = s.open("out.bin", OpenFile.O_RDWR);
		}

		long write(long bytes, long pos) {
			return s.m.pwrite(s.app, fd, buf, bytes, pos);
		}

		long written() {
			return s.k().bdev.bytesWritten();
		}
	}

	@Test
	void aSmallWriteStaysDirtyUntilItExpires() {
		Writer w = new Writer(TestMachines.small(), 4 * MB);
		assertEquals(4 * MB, w.write(4 * MB, 0));
		assertEquals(4 * 1024, w.s.mem("Dirty"));
		w.s.m.sleep(20 * S);
		assertEquals(4 * 1024, w.s.mem("Dirty"), "dirty_expire_centisecs is 30 s");
		assertEquals(0, w.written());
		w.s.m.sleep(16 * S);
		assertEquals(0, w.s.mem("Dirty"));
		assertEquals(0, w.s.mem("Writeback"));
		assertEquals(4 * MB, w.written(), "the periodic flusher wrote the expired pages");
	}

	@Test
	void aboveTheBackgroundThresholdTheFlusherStarts() {
		Writer w = new Writer(TestMachines.small(), 300 * MB);
		long[] limits = w.s.k().pageWriteback.domainDirtyLimits();
		assertEquals(300 * MB, w.write(300 * MB, 0));
		long dirty = w.s.mem("Dirty");
		assertTrue(dirty <= limits[0] * 4 + 4, "left dirty: " + dirty + " kB, background threshold " + limits[0] * 4 + " kB");
		assertTrue(dirty > 0, "below the background threshold pages wait for the periodic flusher");
		assertTrue(w.written() > 0);
		w.s.m.sleep(40 * S);
		assertEquals(0, w.s.mem("Dirty") + w.s.mem("Writeback"));
		assertEquals(300 * MB, w.written());
	}

	@Test
	void aWriterAboveTheDirtyLimitWaitsForTheDevice() {
		BootParams p = TestMachines.small();
		Writer w = new Writer(p, 400 * MB);
		long[] limits = w.s.k().pageWriteback.domainDirtyLimits();
		long t0 = w.s.m.now();
		assertEquals(400 * MB, w.write(400 * MB, 0));
		long took = w.s.m.now() - t0;
		double deviceNs = (400 * MB - limits[1] * Units.PAGE_SIZE) / p.writeBytesPerSecond * 1e9;
		assertTrue(took >= deviceNs, "throttled for " + took / 1e6 + " ms, the device needs " + deviceNs / 1e6 + " ms");
		long left = w.s.mem("Dirty") + w.s.mem("Writeback");
		assertTrue(left <= limits[1] * 4, "dirty + writeback after the write: " + left + " kB, limit " + limits[1] * 4 + " kB");
	}

	/** A small machine whose dirty limits (90% / 80%) no write here reaches. */
	private static BootParams roomyDirtyLimits() {
		BootParams p = TestMachines.small();
		p.dirtyRatio = 90;
		p.dirtyBackgroundRatio = 80;
		return p;
	}

	@Test
	void withoutThrottlingTheSameWriteIsOnlyAMemoryCopy() {
		BootParams p = roomyDirtyLimits();
		Writer w = new Writer(p, 400 * MB);
		long t0 = w.s.m.now();
		assertEquals(400 * MB, w.write(400 * MB, 0));
		double deviceNs = 400 * MB / p.writeBytesPerSecond * 1e9;
		assertTrue(w.s.m.now() - t0 < deviceNs / 2, "took " + (w.s.m.now() - t0) / 1e6 + " ms");
		assertEquals(400 * 1024, w.s.mem("Dirty"));
		assertEquals(0, w.written());
	}

	/**
	 * A write larger than free memory: the pages it dirtied first are written back and reclaimed
	 * to make room for the rest; then an allocation takes the memory the file's cache held.
	 */
	@Test
	void reclaimWritesDirtyPagesBackAndFreesThem() {
		BootParams p = roomyDirtyLimits();
		Writer w = new Writer(p, 600 * MB);
		assertEquals(600 * MB, w.write(600 * MB, 0));
		assertTrue(w.written() > 0);
		w.s.m.munmap(w.s.app, w.buf, 600 * MB);
		long more = w.s.anon(900 * MB);
		assertEquals(900 * MB, w.s.m.touch(w.s.app, more, 900 * MB, true), "the dirty cache became reclaimable");
		assertEquals(900 * 1024, w.s.status("RssAnon"));
		assertEquals(0, w.s.mem("Dirty"), "reclaim handed every dirty page to the flusher");
		w.s.m.sleep(S);
		assertEquals(600 * MB, w.written());
	}

	/**
	 * Memory held by dirty pages only, on slow storage: direct reclaim can free nothing until the
	 * writeback it started completes, so the allocating task waits for it (reclaim_throttle()),
	 * then succeeds.
	 */
	@ParameterizedTest(name = "lru_gen {0}")
	@ValueSource(booleans = { false, true })
	void anAllocationWaitsForTheWritebackOfTheDirtyCache(boolean lruGen) {
		BootParams p = TestMachines.small();
		p.lruGen = lruGen;
		p.dirtyRatio = 100;
		p.dirtyBackgroundRatio = 99;
		p.writeBytesPerSecond = 50e6; // 300 MB take 6 s to write, far longer than the faults take
		Writer w = new Writer(p, 300 * MB);
		assertEquals(300 * MB, w.write(300 * MB, 0));
		assertEquals(300 * 1024, w.s.mem("Dirty"), "nothing was written yet");
		w.s.m.munmap(w.s.app, w.buf, 300 * MB);
		long waited = w.s.m.timeSpent().getOrDefault("io_wait", 0L);
		long more = w.s.anon(900 * MB);
		assertEquals(900 * MB, w.s.m.touch(w.s.app, more, 900 * MB, true));
		long waitedNs = w.s.m.timeSpent().getOrDefault("io_wait", 0L) - waited;
		assertTrue(waitedNs > 1_000_000_000L, "the allocation waited for writeback: " + waitedNs / 1e6 + " ms");
		assertTrue(w.written() > 0);
	}

	@Test
	void dropCachesKeepsDirtyPages() {
		Writer w = new Writer(TestMachines.small(), 4 * MB);
		w.write(4 * MB, 0);
		w.s.m.dropCaches();
		assertEquals(4 * 1024, w.s.mem("Cached"));
		w.s.m.sleep(40 * S);
		w.s.m.dropCaches();
		assertEquals(0, w.s.mem("Cached"), "written back, the pages are clean and go");
	}
}
