package org.dmabufdio.runtime.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** Address spaces: mmap, faults, fork and copy-on-write, munmap, madvise, exit (mm/memory.c, mm/mmap.c, kernel/fork.c). */
class ProcessMemoryTest {

	static final long MB = Units.MIB;

	@Test
	void aPrivateAnonymousMappingIsAccountedAndHasTheKernelsFlags() {
		Sim s = new Sim("baseline");
		long a = s.anon(8 * MB);
		assertEquals("rd wr mr mw me ac", s.m.smapsAt(s.app, a).vmFlags());
		assertEquals(0, s.status("RssAnon"), "nothing is faulted in at mmap");
		s.m.touch(s.app, a, 8 * MB, false);
		assertEquals(0, s.status("RssAnon"), "a read fault maps the shared zero page: no RSS");
		s.m.touch(s.app, a, 8 * MB, true);
		assertEquals(8 * 1024, s.status("RssAnon"), "a write fault allocates pages");
		assertEquals(8 * 1024, s.mem("AnonPages"));
		assertEquals(8 * 1024, s.m.smapsAt(s.app, a).fields().get("Anonymous"));
	}

	/** fork shares anonymous pages copy-on-write; a write then copies (wp_page_copy()). */
	@Test
	void forkSharesAnonymousPagesUntilAWriteCopiesThem() {
		Sim s = new Sim("baseline");
		long a = s.anon(4 * MB);
		s.m.touch(s.app, a, 4 * MB, true);
		Task child = s.k().task((int) s.m.fork(s.app));
		assertEquals(4 * 1024, s.m.status(child).get("RssAnon"), "copy_present_ptes(): the child maps the same pages");
		assertEquals(4 * 1024, s.mem("AnonPages"), "no page was copied");
		assertEquals(2 * 1024, s.m.smapsAt(s.app, a).fields().get("Pss"), "each process pays half");
		assertEquals(4 * 1024, s.m.smapsAt(s.app, a).fields().get("Shared_Dirty"));
		long cows = s.events(VmEvent.COW_FAULT);
		s.m.touch(child, a, MB, true);
		assertEquals(256, s.events(VmEvent.COW_FAULT) - cows, "one COW fault per page written");
		assertEquals(5 * 1024, s.mem("AnonPages"), "1 MiB copied");
		assertEquals(4 * 1024, s.m.status(child).get("RssAnon"), "the copy replaces the shared page in the child's RSS");
		// the parent's ptes were write-protected at fork: its write copies too, the page shared with nobody is reused
		s.m.touch(s.app, a, MB, true);
		assertEquals(5 * 1024, s.mem("AnonPages"), "the parent's page is mapped once now: wp_page_reuse()");
		s.m.exit(child);
		assertEquals(4 * 1024, s.mem("AnonPages"));
		assertFalse(s.k().findings.has(Hazard.BAD_RSS_COUNTER));
	}

	/** copy_present_page(): a page that may be DMA-pinned is copied at fork, not shared. */
	@Test
	void aPinnedAnonymousPageIsCopiedAtFork() {
		Sim s = new Sim("baseline");
		long a = s.anon(MB);
		s.m.touch(s.app, a, MB, true);
		long pin = s.m.pin(s.app, a, 64 * 1024, false);
		assertTrue(pin > 0);
		long anon = s.mem("AnonPages");
		Task child = s.k().task((int) s.m.fork(s.app));
		assertEquals(anon + 64, s.mem("AnonPages"), "the 16 pinned pages were copied for the child");
		assertEquals(1024, s.m.status(child).get("RssAnon"));
		assertEquals(0, s.m.unpin((int) pin));
	}

	@Test
	void shmemAndSharedFileMappingsAreNotCopiedAtFork() {
		Sim s = new Sim("baseline");
		int memfd = (int) s.m.memfdCreate(s.app, "m");
		s.m.ftruncate(s.app, memfd, 4 * MB);
		long a = s.mapShared(memfd, 4 * MB);
		s.m.touch(s.app, a, 4 * MB, true);
		assertEquals(4 * 1024, s.status("RssShmem"));
		assertEquals(4 * 1024, s.mem("Shmem"));
		Task child = s.k().task((int) s.m.fork(s.app));
		assertEquals(0, s.m.status(child).get("RssShmem"), "vma_needs_copy() is false: the child faults later");
		s.m.touch(child, a, 4 * MB, false);
		assertEquals(4 * 1024, s.m.status(child).get("RssShmem"));
	}

	@Test
	void munmapOfTheMiddleSplitsTheVma() {
		Sim s = new Sim("baseline");
		long a = s.anon(12 * MB);
		s.m.touch(s.app, a, 12 * MB, true);
		assertEquals(0, s.m.munmap(s.app, a + 4 * MB, 4 * MB));
		assertEquals(8 * 1024, s.status("RssAnon"));
		assertEquals(2, s.app.mm().vmas().size());
		assertEquals(-Errno.EINVAL, s.m.munmap(s.app, a + 1, 4096), "unaligned");
	}

	@Test
	void madviseDontneedIsRefusedOnPfnMappingsAndZapsOtherwise() {
		Sim baseline = new Sim("baseline");
		int fd = baseline.alloc("system", 4 * MB);
		long a = baseline.mapShared(fd, 4 * MB);
		assertEquals(-Errno.EINVAL, baseline.m.madvise(baseline.app, a, 4 * MB, Mmap.MADV_DONTNEED));

		Sim patched = new Sim("dmabuf_dio_mmap");
		fd = patched.alloc("system", 4 * MB);
		a = patched.mapShared(fd, 4 * MB);
		assertEquals(4 * 1024, patched.status("RssFile"));
		assertEquals(0, patched.m.madvise(patched.app, a, 4 * MB, Mmap.MADV_DONTNEED));
		assertEquals(0, patched.status("RssFile"));
		assertEquals(-Errno.EFAULT, patched.m.touch(patched.app, a, 4096, false),
				"the system heap has no fault handler: the pages do not come back (SIGBUS)");
	}

	@Test
	void privateRemapPfnRangeOfMoreThanOnePageIsRefused() {
		Sim s = new Sim("baseline");
		int fd = s.alloc("system", 4 * MB);
		assertEquals(-Errno.EINVAL, s.map(fd, 4 * MB, Mmap.MAP_PRIVATE, MapMethod.KERNEL_DEFAULT));
		assertEquals(0, s.app.mm().vmas().size(), "the failed mapping is gone");
	}

	@Test
	void exitWithCleanCountersReportsNothing() {
		Sim s = new Sim("dmabuf_dio_mmap");
		int fd = s.alloc("system", 4 * MB);
		s.mapShared(fd, 4 * MB);
		s.m.fork(s.app);
		for (Task t : s.k().tasks().toArray(new Task[0])) {
			s.m.exit(t);
		}
		assertFalse(s.k().findings.has(Hazard.BAD_RSS_COUNTER));
		assertTrue(s.m.dmabufs().isEmpty(), "the buffer was released with its last mapping and descriptor");
	}

	/**
	 * What patch 2 forgot: wp_page_copy() decrements MM_FILEPAGES for the replaced file page without
	 * the VM_DMABUF_DIO guard, so a private system-heap mapping written to underflows it and
	 * check_mm() reports it at exit. Patch 1 alone balances its counters.
	 */
	@Test
	void patchTwoUnderflowsMmFilepagesOnCopyOnWrite() {
		Sim s = new Sim("dmabuf_dio");
		int fd = s.alloc("system", 4 * MB);
		long a = s.map(fd, 4 * MB, Mmap.MAP_PRIVATE, MapMethod.KERNEL_DEFAULT);
		assertTrue(a > 0, "vm_insert_page() maps private mappings too");
		assertEquals(0, s.status("RssFile"));
		s.m.touch(s.app, a, MB, true);
		assertEquals(-256, s.app.mm().rawMmCounter(MmStruct.MM_FILEPAGES));
		assertEquals(0, s.status("RssFile"), "get_mm_counter() reads 0, not the negative value");
		s.m.exit(s.app);
		assertTrue(s.k().findings.all().stream()
				.anyMatch(f -> f.message().contains("Bad rss-counter state") && f.message().contains("type:MM_FILEPAGES val:-256")),
				s.k().findings.all().toString());

		Sim p1 = new Sim("dmabuf_dio_mmap");
		fd = p1.alloc("system", 4 * MB);
		a = p1.map(fd, 4 * MB, Mmap.MAP_PRIVATE, MapMethod.KERNEL_DEFAULT);
		p1.m.touch(p1.app, a, MB, true);
		p1.m.exit(p1.app);
		assertFalse(p1.k().findings.has(Hazard.BAD_RSS_COUNTER));
	}
}
