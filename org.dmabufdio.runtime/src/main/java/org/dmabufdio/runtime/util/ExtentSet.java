package org.dmabufdio.runtime.util;

/**
 * A set of longs (page frame numbers) kept as disjoint, coalesced extents [start, end), indexed
 * by address (a {@link RangeMap} of members) and by the largest naturally aligned power-of-two
 * block each extent holds, as the buddy allocator's free lists are by order. Cost grows with the
 * number of extents touched, never with their size, and no operation makes garbage.
 */
public final class ExtentSet {

	private static final int ORDERS = 64;

	/** 1 for members, coalesced into one run per extent. */
	private final RangeMap members = new RangeMap(0);
	/** Extent starts by the order of the largest aligned block inside the extent. */
	private final LongBag[] byOrder = new LongBag[ORDERS];
	private int lowestNonEmpty = ORDERS;
	private long total;
	private int extents;

	public ExtentSet() {
		for (int i = 0; i < ORDERS; i++) {
			byOrder[i] = new LongBag();
		}
	}

	/** Number of members. */
	public long size() {
		return total;
	}

	/** Number of extents: what this set costs in memory. */
	public int extentCount() {
		return extents;
	}

	public boolean contains(long value) {
		return members.get(value) != 0;
	}

	/** Adds [start, end), which must not overlap the set, merging with neighbours. */
	public void add(long start, long end) {
		if (start >= end) {
			return;
		}
		if (members.countStored(start, end) > 0) {
			throw new IllegalStateException("double free of [" + start + ", " + end + ")");
		}
		long s = start;
		long e = end;
		long left = start > 0 ? members.runStart(start - 1) : -1;
		if (left >= 0) {
			unindex(left, start);
			s = left;
		}
		long right = members.runEnd(end);
		if (right >= 0) {
			unindex(end, right);
			e = right;
		}
		members.set(start, end, 1);
		index(s, e);
		total += end - start;
	}

	/** Removes [start, end), which must lie inside one extent. */
	public void remove(long start, long end) {
		long xs = members.runStart(start);
		long xe = members.runEnd(start);
		if (xs < 0 || xe < end) {
			throw new IllegalStateException("[" + start + ", " + end + ") is not free");
		}
		unindex(xs, xe);
		members.set(start, end, 0);
		if (xs < start) {
			index(xs, start);
		}
		if (end < xe) {
			index(end, xe);
		}
		total -= end - start;
	}

	/**
	 * Removes up to {@code n} members from the front of the extent that starts at {@code start},
	 * which must be an extent's first member (as {@link #smallestExtentStart()} names one).
	 * Returns how many it removed.
	 */
	public long removeFromStart(long start, long n) {
		long xe = members.runEnd(start);
		if (xe < 0 || members.runStart(start) != start) {
			throw new IllegalStateException(start + " does not start a free extent");
		}
		long take = Math.min(n, xe - start);
		unindex(start, xe);
		members.set(start, start + take, 0);
		if (start + take < xe) {
			index(start + take, xe);
		}
		total -= take;
		return take;
	}

	/**
	 * The start of a free block of {@code 2^order} members aligned to its size, taken from the
	 * extent with the smallest largest-block at or above that order (the buddy allocator splits
	 * the smallest free block that fits), most recently freed first; -1 if there is none.
	 */
	public long findAlignedBlock(int order) {
		for (int o = Math.max(order, lowestNonEmpty); o < ORDERS; o++) {
			if (!byOrder[o].isEmpty()) {
				long start = byOrder[o].last();
				return alignUp(start, 1L << order);
			}
		}
		return -1;
	}

	/** The start of the extent with the smallest largest-block, most recently freed first; -1 when empty. */
	public long smallestExtentStart() {
		return findAlignedBlock(0);
	}

	/**
	 * Free blocks per order as the buddy allocator's free lists would hold them: each extent
	 * split into maximal naturally aligned power-of-two blocks of at most {@code maxOrder}.
	 */
	public long[] blocksPerOrder(int maxOrder) {
		long[] counts = new long[maxOrder + 1];
		members.forEachRun((start, end, v) -> {
			long s = start;
			while (s < end) {
				int order = Math.min(maxOrder, Long.numberOfTrailingZeros(s == 0 ? Long.MIN_VALUE : s));
				while ((1L << order) > end - s) {
					order--;
				}
				long n = 1;
				if (order == maxOrder) {
					n = (end - s) >> maxOrder; // a long run of max-order blocks: count them at once
				}
				counts[order] += n;
				s += n << order;
			}
		});
		return counts;
	}

	/** Visits the extents in address order. */
	public void forEach(RangeMap.RunVisitor visitor) {
		members.forEachRun(visitor);
	}

	private void index(long start, long end) {
		int o = largestAlignedOrder(start, end);
		byOrder[o].add(start);
		lowestNonEmpty = Math.min(lowestNonEmpty, o);
		extents++;
	}

	private void unindex(long start, long end) {
		int o = largestAlignedOrder(start, end);
		byOrder[o].remove(start);
		while (lowestNonEmpty < ORDERS && byOrder[lowestNonEmpty].isEmpty()) {
			lowestNonEmpty++;
		}
		extents--;
	}

	/** The largest o such that [start, end) holds a block of 2^o aligned to 2^o. */
	static int largestAlignedOrder(long start, long end) {
		for (int o = 63 - Long.numberOfLeadingZeros(end - start); o > 0; o--) {
			long size = 1L << o;
			if (alignUp(start, size) + size <= end) {
				return o;
			}
		}
		return 0;
	}

	static long alignUp(long value, long alignment) {
		return (value + alignment - 1) & -alignment;
	}
}
