package org.dmabufdio.runtime.drivers.dmabuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** drivers/dma-buf: the heaps, dma_buf_mmap(), release, udmabuf. */
class DmaBufHeapsTest {

	static final long MB = Units.MIB;

	@Test
	void allocationsArePageAlignedAndZeroIsRefused() {
		Sim s = new Sim("baseline");
		assertEquals(-Errno.EINVAL, s.m.dmaHeapAlloc(s.app, "system", 0));
		assertEquals(-Errno.ENODEV, s.m.dmaHeapAlloc(s.app, "nope", MB));
		s.alloc("system", 5000);
		assertEquals(8192, s.m.dmabufs().get(0).sizePages() * 4096);
	}

	@Test
	void mappingsMustFitInTheBuffer() {
		Sim s = new Sim("baseline");
		int fd = s.alloc("system", MB);
		assertEquals(-Errno.EINVAL, s.m.mmap(s.app, 2 * MB, Sim.RW, Mmap.MAP_SHARED, fd, 0, MapMethod.KERNEL_DEFAULT));
		assertEquals(-Errno.EINVAL, s.m.mmap(s.app, MB, Sim.RW, Mmap.MAP_SHARED, fd, 4096, MapMethod.KERNEL_DEFAULT));
		assertTrue(s.m.mmap(s.app, MB - 4096, Sim.RW, Mmap.MAP_SHARED, fd, 4096, MapMethod.KERNEL_DEFAULT) > 0);
	}

	@Test
	void releaseGivesTheMemoryBack() {
		Sim s = new Sim("baseline");
		long free = s.mem("MemFree");
		int fd = s.alloc("system", 64 * MB);
		assertEquals(free - 64 * 1024, s.mem("MemFree"));
		long a = s.mapShared(fd, 64 * MB);
		s.m.close(s.app, fd);
		assertEquals(free - 64 * 1024, s.mem("MemFree"), "the mapping still holds it");
		s.m.munmap(s.app, a, 64 * MB);
		assertEquals(free, s.mem("MemFree"));
	}

	@Test
	void theCmaHeapMapsSharedOnlyWithPfnsAtFaultTime() {
		Sim s = new Sim("dmabuf_dio");
		int fd = s.alloc("cma", MB);
		assertEquals(-Errno.EINVAL, s.map(fd, MB, Mmap.MAP_PRIVATE, MapMethod.KERNEL_DEFAULT));
		long a = s.mapShared(fd, MB);
		assertEquals("rd wr sh mr mw me ms pf io de dd", s.m.smapsAt(s.app, a).vmFlags());
		s.m.touch(s.app, a, MB, true);
		assertEquals(0, s.status("VmRSS"), "vmf_insert_pfn(): special ptes, no RSS");
		assertEquals(0, s.m.smapsAt(s.app, a).fields().get("Rss"));
		assertEquals(-Errno.ENOMEM, s.m.dmaHeapAlloc(s.app, "cma", 64 * MB), "beyond the 16 MiB CMA area");
	}

	/** udmabuf over a memfd: normal shmem pages, so O_DIRECT works into its mapping. */
	@Test
	void udmabufTakesDirectIoIntoItsMapping() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", 4 * MB);
		int memfd = (int) s.m.memfdCreate(s.app, "m");
		s.m.ftruncate(s.app, memfd, 4 * MB);
		int ub = (int) s.m.udmabufCreate(s.app, memfd, 0, 4 * MB);
		assertTrue(ub > 0);
		assertEquals(4 * 1024, s.mem("Shmem"), "udmabuf_create() faulted the memfd's pages in");
		long a = s.mapShared(ub, 4 * MB);
		assertEquals(4 * MB, s.readAll("f", a, true));
		assertEquals(4 * 1024, s.status("RssShmem"), "its pages count as RssShmem");
		assertEquals(-Errno.EINVAL, s.m.udmabufCreate(s.app, memfd, 1, 4096), "unaligned");
	}
}
