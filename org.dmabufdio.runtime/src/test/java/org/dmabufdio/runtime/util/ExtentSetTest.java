package org.dmabufdio.runtime.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** ExtentSet against a plain bit set, under random frees and allocations. */
class ExtentSetTest {

	static final int SPACE = 1 << 14;

	@Test
	void agreesWithABitSetUnderRandomOperations() {
		SplittableRandom random = new SplittableRandom(42);
		ExtentSet set = new ExtentSet();
		BitSet model = new BitSet(SPACE);
		for (int step = 0; step < 20_000; step++) {
			int order = random.nextInt(0, 9);
			if (random.nextInt(4) == 0 && set.size() > 0) {
				// the bulk allocator's way: the front of the smallest extent
				long start = set.smallestExtentStart();
				assertTrue(model.get((int) start) && (start == 0 || !model.get((int) start - 1)), "an extent's start");
				long want = random.nextInt(1, 300);
				long took = set.removeFromStart(start, want);
				int extentEnd = model.nextClearBit((int) start);
				assertEquals(Math.min(want, extentEnd - start), took);
				model.clear((int) start, (int) (start + took));
			} else if (random.nextBoolean()) {
				long pfn = set.findAlignedBlock(order);
				long size = 1L << order;
				if (pfn < 0) {
					assertEquals(-1, bruteForceAlignedBlock(model, order), "a block of order " + order + " exists");
					continue;
				}
				assertEquals(0, pfn % size, "aligned");
				assertEquals(size, model.get((int) pfn, (int) (pfn + size)).cardinality(), "free");
				set.remove(pfn, pfn + size);
				model.clear((int) pfn, (int) (pfn + size));
			} else {
				int start = random.nextInt(0, SPACE - 512);
				int end = start + random.nextInt(1, 512);
				int clear = model.nextSetBit(start);
				if (clear >= 0 && clear < end) {
					end = clear; // free only what is not free yet
				}
				if (end > start) {
					set.add(start, end);
					model.set(start, end);
				}
			}
			if (step % 1000 == 0) {
				assertEquals(model.cardinality(), set.size());
				for (int i = 0; i < SPACE; i += 97) {
					assertEquals(model.get(i), set.contains(i), "member " + i);
				}
			}
		}
	}

	@Test
	void takesFromTheSmallestBlockThatFitsAndRefusesDoubleFrees() {
		ExtentSet set = new ExtentSet();
		set.add(0, 1024); // holds an order-10 block
		set.add(2048, 2048 + 16); // holds order 4 at most
		assertEquals(2048, set.findAlignedBlock(2), "the small extent first, as the buddy allocator splits");
		assertEquals(0, set.findAlignedBlock(5));
		assertEquals(2, set.extentCount());
		assertThrows(IllegalStateException.class, () -> set.add(10, 20));
		assertThrows(IllegalStateException.class, () -> set.removeFromStart(2050, 4), "not an extent's start");
		set.add(1024, 2048);
		assertEquals(1, set.extentCount(), "freed neighbours coalesce");
	}

	private static long bruteForceAlignedBlock(BitSet model, int order) {
		int size = 1 << order;
		for (int s = 0; s + size <= SPACE; s += size) {
			if (model.get(s, s + size).cardinality() == size) {
				return s;
			}
		}
		return -1;
	}
}
