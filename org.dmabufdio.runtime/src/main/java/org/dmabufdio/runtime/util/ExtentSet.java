package org.dmabufdio.runtime.util;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of longs (page frame numbers) kept as disjoint, coalesced extents [start, end), indexed
 * both by position and by size, so that "the smallest extent that fits" and "the extent at this
 * address" are both logarithmic. Cost grows with the number of extents, never with their size.
 */
public final class ExtentSet {

	/** An extent, ordered by size, then address (the order best fit searches in). */
	private record Extent(long start, long end) implements Comparable<Extent> {
		long size() {
			return end - start;
		}

		@Override
		public int compareTo(Extent o) {
			int c = Long.compare(end - start, o.end - o.start);
			return c != 0 ? c : Long.compare(start, o.start);
		}
	}

	private final TreeMap<Long, Extent> byStart = new TreeMap<>();
	private final TreeSet<Extent> bySize = new TreeSet<>();
	private long total;

	/** Number of members. */
	public long size() {
		return total;
	}

	/** Number of extents: what this set costs in memory. */
	public int extentCount() {
		return byStart.size();
	}

	public boolean contains(long value) {
		Map.Entry<Long, Extent> e = byStart.floorEntry(value);
		return e != null && value < e.getValue().end;
	}

	/** Adds [start, end), which must not overlap the set, merging with neighbours. */
	public void add(long start, long end) {
		if (start >= end) {
			return;
		}
		Map.Entry<Long, Extent> left = byStart.floorEntry(start);
		if (left != null && left.getValue().end > start) {
			throw new IllegalStateException("double free of [" + start + ", " + end + ")");
		}
		Map.Entry<Long, Extent> right = byStart.ceilingEntry(start);
		if (right != null && right.getKey() < end) {
			throw new IllegalStateException("double free of [" + start + ", " + end + ")");
		}
		long s = start;
		long e = end;
		if (left != null && left.getValue().end == start) {
			s = left.getKey();
			remove(left.getValue());
		}
		if (right != null && right.getKey() == end) {
			e = right.getValue().end;
			remove(right.getValue());
		}
		insert(new Extent(s, e));
		total += end - start;
	}

	/** Removes [start, end), which must lie inside one extent. */
	public void remove(long start, long end) {
		Map.Entry<Long, Extent> e = byStart.floorEntry(start);
		if (e == null || e.getValue().end < end) {
			throw new IllegalStateException("[" + start + ", " + end + ") is not free");
		}
		Extent x = e.getValue();
		remove(x);
		if (x.start < start) {
			insert(new Extent(x.start, start));
		}
		if (end < x.end) {
			insert(new Extent(end, x.end));
		}
		total -= end - start;
	}

	/**
	 * The start of the first block of {@code 2^order} members aligned to its size, looking in
	 * the smallest extents first (the buddy allocator splits the smallest free block that fits),
	 * or -1 if there is none.
	 */
	public long findAlignedBlock(int order) {
		long blockSize = 1L << order;
		for (Extent x : bySize.tailSet(new Extent(0, blockSize), true)) {
			long aligned = alignUp(x.start, blockSize);
			if (aligned + blockSize <= x.end) {
				return aligned;
			}
		}
		return -1;
	}

	/** The smallest extent holding at least one member, as {start, end}, or null when empty. */
	public long[] smallestExtent() {
		if (bySize.isEmpty()) {
			return null;
		}
		Extent x = bySize.first();
		return new long[] { x.start, x.end };
	}

	/**
	 * Free blocks per order as the buddy allocator's free lists would hold them: each extent
	 * split into maximal naturally aligned power-of-two blocks of at most {@code maxOrder}.
	 */
	public long[] blocksPerOrder(int maxOrder) {
		long[] counts = new long[maxOrder + 1];
		for (Extent x : byStart.values()) {
			long s = x.start;
			while (s < x.end) {
				int order = Math.min(maxOrder, Long.numberOfTrailingZeros(s == 0 ? Long.MIN_VALUE : s));
				while ((1L << order) > x.end - s) {
					order--;
				}
				long n = 1;
				if (order == maxOrder) {
					// a long run of max-order blocks: count them at once
					n = (x.end - s) >> maxOrder;
				}
				counts[order] += n;
				s += n << order;
			}
		}
		return counts;
	}

	/** Visits the extents in address order. */
	public void forEach(RangeMap.RunVisitor visitor) {
		for (Extent x : byStart.values()) {
			visitor.run(x.start, x.end, 1);
		}
	}

	private void insert(Extent x) {
		byStart.put(x.start, x);
		bySize.add(x);
	}

	private void remove(Extent x) {
		byStart.remove(x.start);
		bySize.remove(x);
	}

	static long alignUp(long value, long alignment) {
		return (value + alignment - 1) & -alignment;
	}
}
