package org.dmabufdio.runtime.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** fs/read_write.c, fs/iomap/direct-io.c, f2fs's fallback, the page cache on writes, and the dma-buf file I/O proposals. */
class FileIoTest {

	static final long MB = Units.MIB;

	@Test
	void directReadsAreClampedAtEndOfFile() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", MB + 1000);
		long buf = s.anon(4 * MB);
		int fd = s.open("f", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		assertEquals(MB + 1000, s.m.pread(s.app, fd, buf, 2 * MB, 0), "a short read at EOF");
		assertEquals(0, s.m.pread(s.app, fd, buf, 4096, 2 * MB), "a read at or past EOF returns 0");
		assertEquals(1000, s.m.pread(s.app, fd, buf, 4096, MB), "the last block, clamped");
	}

	@Test
	void oneCallMovesAtMostMaxRwCount() {
		Sim s = new Sim(TestMachines.small(), "baseline");
		assertEquals(2147479552L, ReadWrite.MAX_RW_COUNT, "INT_MAX & PAGE_MASK");
	}

	/** f2fs_should_use_dio(): aligned to the device's 512-byte blocks but not to 4 KiB: buffered. */
	@Test
	void f2fsFallsBackToBufferedIoForRequestsNotAlignedToItsBlock() {
		Sim s = new Sim("baseline");
		s.m.createFile("e", MB, "ext4", 4096);
		s.m.createFile("f", MB, "f2fs", 4096);
		long buf = s.anon(MB);
		int e = s.open("e", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		int f = s.open("f", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		long cached = s.mem("Cached");
		assertEquals(512, s.m.pread(s.app, e, buf, 512, 512), "ext4: iomap accepts 512-byte alignment");
		assertEquals(cached, s.mem("Cached"));
		assertEquals(512, s.m.pread(s.app, f, buf, 512, 512), "f2fs: the same request...");
		assertTrue(s.mem("Cached") > cached, "...went through the page cache");
		assertEquals(-Errno.EINVAL, s.m.pread(s.app, f, buf + 1, 512, 0), "misaligned even for the device: EINVAL");
	}

	@Test
	void bufferedWritesDirtyThePageCacheDirectWritesInvalidateIt() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 0);
		long buf = s.anon(8 * MB);
		s.m.touch(s.app, buf, 8 * MB, true);
		int fd = s.open("f", OpenFile.O_RDWR);
		assertEquals(8 * MB, s.m.pwrite(s.app, fd, buf, 8 * MB, 0));
		assertEquals(8 * 1024, s.mem("Dirty"));
		assertEquals(8 * MB, s.k().vfs.lookup("f").size(), "the file grew");
		long cached = s.mem("Cached");
		int direct = s.open("f", OpenFile.O_RDWR | OpenFile.O_DIRECT);
		s.m.dropCaches(); // dirty pages stay
		assertEquals(cached, s.mem("Cached"));
		assertEquals(4 * MB, s.m.pwrite(s.app, direct, buf, 4 * MB, 0));
		assertEquals(-Errno.EBADF, s.m.pwrite(s.app, s.open("f", OpenFile.O_RDONLY), buf, 4096, 0));
	}

	@Test
	void copyFileRangeBetweenFiles() {
		Sim s = new Sim("baseline");
		s.m.createFile("a", 4 * MB);
		s.m.createFile("b", 0);
		int in = s.open("a", OpenFile.O_RDONLY);
		int out = s.open("b", OpenFile.O_RDWR);
		assertEquals(4 * MB, s.m.copyFileRange(s.app, in, 0, out, 0, 8 * MB));
		assertEquals(4 * MB, s.k().vfs.lookup("b").size());
	}

	@Test
	void aDmaBufIsNoTargetForSplicesWithoutTheProposal() {
		Sim s = new Sim("baseline");
		s.m.createFile("a", 4 * MB);
		int in = s.open("a", OpenFile.O_RDONLY);
		int buf = s.alloc("system", 4 * MB);
		assertEquals(-Errno.EINVAL, s.m.copyFileRange(s.app, in, 0, buf, 0, 4 * MB));

		BootParams p = TestMachines.small();
		org.dmabufdio.runtime.Machine m = new org.dmabufdio.runtime.Machine(p,
				KernelVariant.byName("baseline").with(java.util.EnumSet.of(Feature.DMABUF_SPLICE)));
		m.createFile("a", 4 * MB);
		var t = m.spawn("app");
		int in2 = (int) m.open(t, "a", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		int buf2 = (int) m.dmaHeapAlloc(t, "system", 4 * MB);
		assertEquals(4 * MB, m.copyFileRange(t, in2, 0, buf2, 0, 4 * MB));
	}

	@Test
	void allocAndReadAndRwFileExistOnlyWithTheirProposals() {
		Sim s = new Sim("baseline");
		s.m.createFile("m", 300 * MB);
		int in = s.open("m", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		assertEquals(-Errno.ENOTTY, s.m.dmaHeapAllocAndRead(s.app, "system", in, 0));
		int buf = s.alloc("system", 4 * MB);
		assertEquals(-Errno.ENOTTY, s.m.dmaBufRwFile(s.app, buf, in, 0, 4 * MB, false));

		org.dmabufdio.runtime.Machine m = new org.dmabufdio.runtime.Machine(TestMachines.small(),
				KernelVariant.byName("baseline").with(java.util.EnumSet.of(Feature.ALLOC_AND_READ, Feature.RW_FILE)));
		m.createFile("m", 300 * MB);
		var t = m.spawn("app");
		int direct = (int) m.open(t, "m", OpenFile.O_RDONLY | OpenFile.O_DIRECT);
		long cached = m.meminfo().get("Cached");
		int loaded = (int) m.dmaHeapAllocAndRead(t, "system", direct, 0);
		assertTrue(loaded > 0);
		assertEquals(300 * MB, m.dmabufs().get(0).size);
		assertEquals(cached, m.meminfo().get("Cached"), "direct: no page cache");
		assertEquals(0, m.dmabufs().get(0).pinnedPages(), "no GUP: nothing pinned");
		assertEquals(4 * MB, m.dmaBufRwFile(t, loaded, direct, 0, 4 * MB, false));
		int buffered = (int) m.open(t, "m", OpenFile.O_RDONLY);
		assertTrue(m.dmaHeapAllocAndRead(t, "system", buffered, 0) > 0);
		assertEquals(300 * 1024, m.meminfo().get("Cached") - cached, "buffered: through the page cache");
	}
}
