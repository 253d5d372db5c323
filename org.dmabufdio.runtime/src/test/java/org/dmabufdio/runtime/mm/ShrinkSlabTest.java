package org.dmabufdio.runtime.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmabufdio.runtime.Sim;
import org.junit.jupiter.api.Test;

/** shrink_slab() and do_shrink_slab() (mm/shrinker.c): what reclaim asks of a shrinker. */
class ShrinkSlabTest {

	/** A cache of {@code held} pages that frees what it is asked for and remembers the asks. */
	static final class Cache implements Shrinker {
		long held;
		long asked;
		int calls;

		Cache(long held) {
			this.held = held;
		}

		@Override
		public long countObjects() {
			return held;
		}

		@Override
		public long scanObjects(long nrToScan) {
			calls++;
			asked += nrToScan;
			long freed = Math.min(held, nrToScan);
			held -= freed;
			return freed;
		}
	}

	private static final double DEF_PRIORITY_SCAN = 1.0 / (1 << Shrinkers.DEF_PRIORITY);

	@Test
	void aPassAsksForItsShareTimesFourOverSeeksInBatches() {
		Shrinkers shrinkers = new Shrinkers();
		Cache cache = new Cache(1 << 20);
		shrinkers.register(cache);
		assertEquals(512, shrinkers.shrinkSlab(DEF_PRIORITY_SCAN), "(2^20 >> 12) * 4 / DEFAULT_SEEKS");
		assertEquals(4, cache.calls, "SHRINK_BATCH (128) at a time");
		assertEquals(1 << 20, shrinkers.shrinkSlab(1.0) + 512, "a pass over every page asks for all of it");
	}

	@Test
	void smallAsksAreDeferredUntilTheyMakeABatch() {
		Shrinkers shrinkers = new Shrinkers();
		Cache cache = new Cache(8192); // (8192 >> 12) * 4 / 2 = 4 pages a pass
		shrinkers.register(cache);
		int passes = 0;
		while (cache.calls == 0 && passes < 1000) {
			shrinkers.shrinkSlab(DEF_PRIORITY_SCAN);
			passes++;
		}
		assertTrue(passes > 1, "the first pass asks for less than a batch");
		assertEquals(128, cache.asked, "then one batch, once half the deferred work and this pass's reach 128");
		assertEquals(63, passes, "4 pages a pass deferred: nr / 2 + 4 >= 128 after 62 passes");
	}

	@Test
	void directReclaimCallsShrinkSlabOncePerCallAndStopsWhenThatIsEnough() {
		Sim s = new Sim("baseline");
		Cache cache = new Cache(1 << 20);
		s.k().vmscan.registerShrinker(cache);
		long stalls = s.events(VmEvent.ALLOCSTALL);
		long reclaimed = s.k().vmscan.tryToFreePages(400, Gfp.GFP_KERNEL, 0);
		assertEquals(1, s.events(VmEvent.ALLOCSTALL) - stalls, "32 from the LRU and 512 from the cache cover 400");
		assertEquals(512, (1 << 20) - cache.held);
		assertTrue(reclaimed <= 32, "only LRU pages count as reclaimed: " + reclaimed);
	}
}
