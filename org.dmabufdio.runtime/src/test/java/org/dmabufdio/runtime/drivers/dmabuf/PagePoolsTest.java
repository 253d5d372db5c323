package org.dmabufdio.runtime.drivers.dmabuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.dmabufdio.runtime.Machine;
import org.dmabufdio.runtime.Sim;
import org.dmabufdio.runtime.TestMachines;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.mm.Gfp;
import org.dmabufdio.runtime.mm.VmEvent;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;
import org.junit.jupiter.api.Test;

/** Android's system heap page pools: reuse without zeroing, accounting, the shrinker. */
class PagePoolsTest {

	static final long MB = Units.MIB;

	private static Sim withPools(BootParams p) {
		return new Sim(new Machine(p, KernelVariant.byName("baseline").with(EnumSet.of(Feature.PAGE_POOL))));
	}

	private static SystemHeap systemHeap(Sim s) {
		return (SystemHeap) s.k().heaps.heap("system");
	}

	@Test
	void aReleasedBufferWaitsInThePoolsAsReclaimableMemory() {
		Sim s = withPools(TestMachines.small());
		long free = s.mem("MemFree");
		long available = s.mem("MemAvailable");
		int fd = s.alloc("system", 64 * MB);
		s.m.close(s.app, fd);
		assertEquals(64 * 1024, systemHeap(s).pooledPages() * 4);
		assertEquals(free - 64 * 1024, s.mem("MemFree"), "pooled pages are not free");
		assertEquals(s.mem("SReclaimable") + 64 * 1024, s.mem("KReclaimable"),
				"NR_KERNEL_MISC_RECLAIMABLE counts the pool");
		assertTrue(available - s.mem("MemAvailable") < 64 * 1024 / 2,
				"MemAvailable counts the pool as reclaimable: " + available + " -> " + s.mem("MemAvailable"));
	}

	@Test
	void theNextAllocationTakesThePooledBlocksWithoutZeroingThemAgain() {
		Sim s = withPools(TestMachines.small());
		int first = s.alloc("system", 64 * MB);
		long zeroed = s.m.timeSpent().get(Cost.PAGE_ZERO_NS.key());
		assertTrue(zeroed > 0);
		s.m.close(s.app, first);
		s.m.sleep(1_000_000_000L); // the deferred-free worker zeroes them meanwhile
		long free = s.mem("MemFree");
		s.alloc("system", 64 * MB);
		assertEquals(zeroed, s.m.timeSpent().get(Cost.PAGE_ZERO_NS.key()),
				"the worker zeroed them, in its own time; the allocation zeroed nothing");
		assertEquals(free, s.mem("MemFree"), "nothing came from the buddy allocator");
		assertEquals(0, systemHeap(s).pooledPages());
	}

	@Test
	void blocksStillBeingZeroedAreNotHandedOut() {
		Sim s = withPools(TestMachines.small());
		int first = s.alloc("system", 64 * MB);
		s.m.close(s.app, first);
		long free = s.mem("MemFree");
		s.alloc("system", 16 * MB); // at once: the worker has not got far
		assertEquals(free - 16 * 1024, s.mem("MemFree"), "fresh pages from the buddy allocator");
		assertEquals(64 * MB / 4096, systemHeap(s).pooledPages());
	}

	@Test
	void reclaimTakesThePoolBackBeforeItRunsOutOfPageCache() {
		BootParams p = TestMachines.small();
		Sim s = withPools(p);
		s.m.createFile("cache.bin", 256 * MB);
		s.readAll("cache.bin", s.anon(256 * MB), false);
		int fd = s.alloc("system", 256 * MB);
		s.m.close(s.app, fd);
		s.m.sleep(1_000_000_000L);
		long pooled = systemHeap(s).pooledPages();
		assertEquals(256 * MB / 4096, pooled);
		s.m.touch(s.app, s.anon(448 * MB), 448 * MB, true); // needs what the pool and the page cache hold
		long left = systemHeap(s).pooledPages();
		assertTrue(left < pooled, "the shrinker gave pool pages back: " + left + " of " + pooled);
		assertEquals(left * 4, s.mem("KReclaimable") - s.mem("SReclaimable"));
	}

	@Test
	void kswapdAsksThePoolForItsShareToo() {
		Sim s = withPools(TestMachines.small());
		s.m.createFile("cache.bin", 256 * MB);
		s.readAll("cache.bin", s.anon(256 * MB), false);
		s.m.close(s.app, s.alloc("system", 256 * MB));
		s.m.sleep(1_000_000_000L);
		long pooled = systemHeap(s).pooledPages();
		long stalls = s.events(VmEvent.ALLOCSTALL);
		// below the low watermark without entering direct reclaim: only kswapd is woken
		long all = s.k().pageAlloc.freePages();
		s.k().pageAlloc.allocPagesBulk(Gfp.__GFP_KSWAPD_RECLAIM, all, (pfn, n) -> { });
		s.m.sleep(1_000_000_000L);
		assertEquals(stalls, s.events(VmEvent.ALLOCSTALL));
		assertTrue(systemHeap(s).pooledPages() < pooled, "kswapd's shrink_slab() took pool pages");
		assertTrue(s.k().pageAlloc.balanced(), "and kswapd got back to the high watermark");
	}

	@Test
	void theShrinkerEmptiesTheOrder0PoolFirstAndFreesWholeBlocks() {
		Sim s = withPools(TestMachines.small());
		PagePools pools = new PagePools(s.k(), SystemHeap.ORDERS);
		long big = s.k().pageAlloc.allocPages(Gfp.GFP_KERNEL, 8);
		long small = s.k().pageAlloc.allocPages(Gfp.GFP_KERNEL, 0);
		pools.deferredFree(List.of(new long[] { 0, big }, new long[] { 2, small }));
		assertEquals(257, pools.countObjects());
		assertEquals(1, pools.scanObjects(1), "the order-0 pool (last created) goes first");
		assertEquals(256, pools.scanObjects(1), "an order-8 block is freed whole");
		assertEquals(0, pools.countObjects());
	}

	@Test
	void withoutPoolsTheMemoryGoesStraightBack() {
		Sim s = new Sim("baseline");
		long free = s.mem("MemFree");
		int fd = s.alloc("system", 64 * MB);
		s.m.close(s.app, fd);
		assertEquals(free, s.mem("MemFree"));
		assertEquals(0, systemHeap(s).pooledPages());
	}
}
