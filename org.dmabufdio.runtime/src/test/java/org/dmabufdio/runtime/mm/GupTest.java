package org.dmabufdio.runtime.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** get_user_pages and pins (mm/gup.c). */
class GupTest {

	static final long MB = Units.MIB;

	@Test
	void pinsAreCountedPerPageAndDroppedAfterDirectIo() {
		Sim s = new Sim("dmabuf_dio_mmap");
		s.m.createFile("f", 4 * MB);
		int fd = s.alloc("system", 4 * MB);
		long a = s.mapShared(fd, 4 * MB);
		long pin = s.m.pin(s.app, a, MB, false);
		assertEquals(256 * 4, s.m.bufinfo().get(0).fields().get("Pinned"), "1 MiB pinned, in kB");
		assertEquals(4 * MB, s.readAll("f", a, true));
		assertEquals(256 * 4, s.m.bufinfo().get(0).fields().get("Pinned"), "the read's pins are gone, the long one stays");
		s.m.unpin((int) pin);
		assertEquals(0, s.m.bufinfo().get(0).fields().get("Pinned"));
	}

	@Test
	void pinningAnExportersPageIsAHazard() {
		Sim s = new Sim("dmabuf_dio");
		s.m.createFile("f", MB);
		int fd = s.alloc("system", MB);
		long a = s.mapShared(fd, MB);
		assertFalse(s.k().findings.has(Hazard.PINNED_DMABUF_PAGE));
		s.readAll("f", a, true);
		assertTrue(s.k().findings.has(Hazard.PINNED_DMABUF_PAGE));
	}

	/** A pin that outlives the mapping and the descriptor keeps the pages past the release. */
	@Test
	void aBufferReleasedWhilePinnedIsAHazardAndItsPinnedPagesStay() {
		Sim s = new Sim("dmabuf_dio_mmap");
		long free = s.mem("MemFree");
		int fd = s.alloc("system", 4 * MB);
		long a = s.mapShared(fd, 4 * MB);
		long pin = s.m.pin(s.app, a, MB, true);
		s.m.munmap(s.app, a, 4 * MB);
		s.m.close(s.app, fd);
		assertTrue(s.k().findings.has(Hazard.PINNED_AT_RELEASE));
		assertEquals(free - 1024, s.mem("MemFree"), "the pinned MiB is still allocated");
		s.m.unpin((int) pin);
		assertEquals(free, s.mem("MemFree"), "and freed by the last unpin");
	}

	@Test
	void theSlowPathRefusesPfnMappings() {
		Sim s = new Sim("baseline");
		int fd = s.alloc("system", MB);
		long a = s.mapShared(fd, MB);
		assertEquals(-Errno.EFAULT, s.m.pin(s.app, a, MB, false));
		// CMA heap mappings are VM_PFNMAP too, filled at fault time
		int cma = s.alloc("cma", MB);
		long c = s.mapShared(cma, MB);
		s.m.touch(s.app, c, MB, true);
		assertEquals(-Errno.EFAULT, s.m.pin(s.app, c, MB, false));
	}

	/** writable_file_mapping_allowed(): no long-term write pins of file pages under writeback. */
	@Test
	void longTermWritePinsOfSharedFileMappingsAreRefused() {
		Sim s = new Sim("baseline");
		s.m.createFile("f", MB);
		int fd = s.open("f", OpenFile.O_RDWR);
		long a = s.mapShared(fd, MB);
		assertEquals(-Errno.EFAULT, s.m.pin(s.app, a, MB, true));
		assertTrue(s.m.pin(s.app, a, MB, false) > 0, "a short-term pin is fine");
		long anon = s.anon(MB);
		assertTrue(s.m.pin(s.app, anon, MB, true) > 0, "anonymous memory is fine long-term");
	}

	@Test
	void anUnmappedAddressIsEfault() {
		Sim s = new Sim("baseline");
		assertEquals(-Errno.EFAULT, s.m.pin(s.app, 0x10000, 4096, false));
	}
}
