package org.dmabufdio.runtime.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** mm/page_alloc.c: watermarks, lowmem reserves, the buddy free lists, the slow path. */
class PageAllocatorTest {

	/**
	 * init_per_zone_wmark_min() and __setup_per_zone_wmarks() for one 1 GiB zone:
	 * min_free_kbytes = sqrt(1048576 * 16) = 4096; min = 1024 pages; tmp = max(1024/4,
	 * 262144 * 10 / 10000) = 262; low = 1286; high = 1548.
	 */
	@Test
	void watermarksFollowTheKernelFormula() {
		BootParams p = TestMachines.small();
		p.cmaBytes = 0;
		PageAllocator a = new Sim(p, "baseline").k().pageAlloc;
		Zone z = a.zones().get(0);
		assertEquals(262144, z.managedPages());
		assertEquals(4096, a.minFreeKbytes());
		assertEquals(1024, z.watermark(Zone.WMARK_MIN));
		assertEquals(1286, z.watermark(Zone.WMARK_LOW));
		assertEquals(1548, z.watermark(Zone.WMARK_HIGH));
	}

	@Test
	void minFreeKbytesIsClampedAndTheSysctlWins() {
		BootParams p = TestMachines.small();
		p.ramBytes = 64 * Units.MIB;
		PageAllocator small = new Sim(p, "baseline").k().pageAlloc;
		assertEquals((long) Math.sqrt(small.totalramPages() * 4 * 16), small.minFreeKbytes(), "sqrt(lowmem_kbytes * 16)");
		p = TestMachines.small();
		p.minFreeKbytes = 65536;
		assertEquals(65536, new Sim(p, "baseline").k().pageAlloc.minFreeKbytes());
	}

	@Test
	void lowerZonesKeepAReserveFromHigherZoneAllocations() {
		BootParams p = TestMachines.small();
		p.ramBytes = 8 * Units.GIB;
		p.dma32Bytes = 4 * Units.GIB;
		p.cmaBytes = 0;
		PageAllocator a = new Sim(p, "baseline").k().pageAlloc;
		Zone dma32 = a.zones().get(0);
		Zone normal = a.zones().get(1);
		assertEquals(normal.managedPages() / 256, dma32.lowmemReserve(1), "sysctl_lowmem_reserve_ratio[DMA32] = 256");
		assertEquals(0, normal.lowmemReserve(1));
		// the reserve counts in totalreserve_pages (si_mem_available subtracts it)
		assertEquals(dma32.watermark(Zone.WMARK_HIGH) + dma32.lowmemReserve(1) + normal.watermark(Zone.WMARK_HIGH),
				a.totalreservePages());
	}

	@Test
	void buddyinfoDerivesFromTheFreeExtents() {
		BootParams p = TestMachines.small();
		p.cmaBytes = 0;
		PageAllocator a = new Sim(p, "baseline").k().pageAlloc;
		long[] info = a.buddyinfo();
		assertEquals(256, info[PageAllocator.MAX_PAGE_ORDER], "1 GiB of free memory is 256 blocks of 4 MiB");
		// taking one page breaks the first 4 MiB block into 1+1+2+...+512 pages
		long pfn = a.allocPages(Gfp.GFP_KERNEL, 0);
		info = a.buddyinfo();
		assertEquals(255, info[PageAllocator.MAX_PAGE_ORDER]);
		for (int o = 0; o < PageAllocator.MAX_PAGE_ORDER; o++) {
			assertEquals(1, info[o], "order " + o);
		}
		a.freePages(pfn, 1);
		assertEquals(256, a.buddyinfo()[PageAllocator.MAX_PAGE_ORDER], "freeing merges the buddies back");
	}

	/** The system heap takes order-8 blocks while there are any, then order 4, never back up. */
	@Test
	void aFragmentedMachineGivesTheSystemHeapSmallerBlocks() {
		Sim clean = new Sim("baseline");
		clean.alloc("system", 64 * Units.MIB);
		long[] orders = clean.m.dmabufs().get(0).chunksPerOrder();
		assertEquals(64, orders[8]);
		assertEquals(0, orders[4] + orders[0]);

		BootParams p = TestMachines.small();
		p.fragmentationPercent = 100; // every free 1 MiB block broken
		Sim fragmented = new Sim(p, "baseline");
		fragmented.alloc("system", 64 * Units.MIB);
		orders = fragmented.m.dmabufs().get(0).chunksPerOrder();
		assertEquals(0, orders[8], "no whole 1 MiB block is left");
		assertEquals(16384, orders[4] * 16 + orders[0], "64 MiB in order-4 blocks (and order 0)");
		assertTrue(orders[4] > 0);
	}

	/**
	 * HIGH_ORDER_GFP has no __GFP_RECLAIM: below the watermark an order-8 block is not worth a
	 * reclaim, the heap drops to order 4, whose LOW_ORDER_GFP reclaims.
	 */
	@Test
	void orderEightNeverReclaimsOrderFourDoes() {
		BootParams p = TestMachines.small();
		p.systemCacheBytes = 800 * Units.MIB; // clean, reclaimable cache filling most of memory
		Sim s = new Sim(p, "baseline");
		long free = s.mem("MemFree");
		assertTrue(free < 300 * 1024, "little free memory: " + free);
		int fd = s.alloc("system", 400 * Units.MIB);
		assertTrue(fd >= 0);
		long[] orders = s.m.dmabufs().get(0).chunksPerOrder();
		assertTrue(orders[4] > 0, "fell back to order 4 once order 8 failed");
		assertTrue(s.events(VmEvent.ALLOCSTALL) > 0, "order 4 reclaimed directly");
		assertTrue(s.mem("Cached") < 800 * 1024 - 100 * 1024, "the cache was reclaimed for it");
	}

	@Test
	void anAllocationBeyondMemoryFailsWithEnomemAfterReclaim() {
		Sim s = new Sim("baseline");
		long before = s.mem("MemFree");
		assertEquals(-Errno.ENOMEM, s.m.dmaHeapAlloc(s.app, "system", 2 * Units.GIB));
		assertEquals(before, s.mem("MemFree"), "a failed allocation gives back what it took");
	}
}
