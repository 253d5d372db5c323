package org.dmabufdio.runtime.util;

/**
 * The storage under {@link RangeMap}: runs of equal values in primitive arrays split into chunks
 * of at most {@link #CHUNK} runs (a two-level B+ tree), the chunk and run the last look-up found,
 * and how runs are spliced in and out, chunks split, inserted, removed and compacted. What the
 * map does with runs (its updates and queries) is {@link RangeMap}'s; how they are kept is here.
 */
abstract class RunChunks {

	static final int CHUNK = 64;

	final long defaultValue;
	/** Chunks in key order; chunk c holds counts[c] runs, sorted, disjoint, coalesced. */
	long[][] starts = new long[4][];
	long[][] ends = new long[4][];
	long[][] values = new long[4][];
	int[] counts = new int[4];
	int chunks;
	int runs;
	/** The chunk the last operation used. */
	int finger;
	/** The index of the run the last look-up found in its chunk. */
	int hint;

	/** Scratch for the runs an update produces. */
	long[] newStarts = new long[16];
	long[] newEnds = new long[16];
	long[] newValues = new long[16];
	int newCount;

	/** Drops runs [i, i + n) of chunk c, which keeps at least one run (a merge partner). */
	final void removeRuns(int c, int i, int n) {
		int tail = counts[c] - i - n;
		System.arraycopy(starts[c], i + n, starts[c], i, tail);
		System.arraycopy(ends[c], i + n, ends[c], i, tail);
		System.arraycopy(values[c], i + n, values[c], i, tail);
		counts[c] -= n;
		runs -= n;
	}

	/** Appends a run to the scratch list, merging with the previous one; default runs are dropped. */
	final void emit(long s, long e, long v) {
		if (v == defaultValue || s >= e) {
			return;
		}
		if (newCount > 0 && newEnds[newCount - 1] == s && newValues[newCount - 1] == v) {
			newEnds[newCount - 1] = e;
			return;
		}
		if (newCount == newStarts.length) {
			newStarts = java.util.Arrays.copyOf(newStarts, newCount * 2);
			newEnds = java.util.Arrays.copyOf(newEnds, newCount * 2);
			newValues = java.util.Arrays.copyOf(newValues, newCount * 2);
		}
		newStarts[newCount] = s;
		newEnds[newCount] = e;
		newValues[newCount] = v;
		newCount++;
	}

	/**
	 * Replaces {@code removed} runs starting at (c0, i0) by the scratch runs, merging with the
	 * runs just before and after where values and keys meet.
	 */
	final void replace(int c0, int i0, int removed) {
		// merge with the neighbour before
		if (newCount > 0) {
			int pc = c0;
			int pi = i0 - 1;
			if (pi < 0 && pc > 0) {
				pc--;
				pi = counts[pc] - 1;
			}
			if (pi >= 0 && ends[pc][pi] == newStarts[0] && values[pc][pi] == newValues[0]) {
				newStarts[0] = starts[pc][pi];
				c0 = pc;
				i0 = pi;
				removed++;
			}
		}
		// merge with the neighbour after
		long after = advance(c0, i0, removed);
		if (newCount > 0 && after >= 0) {
			int ac = (int) (after >>> 32);
			int ai = (int) after;
			if (starts[ac][ai] == newEnds[newCount - 1] && values[ac][ai] == newValues[newCount - 1]) {
				newEnds[newCount - 1] = ends[ac][ai];
				removed++;
			}
		}
		splice(c0, i0, removed);
	}

	/** The position {@code n} runs after (c, i) as {@code c << 32 | i}, or -1 past the end. */
	final long advance(int c, int i, int n) {
		int pos = i + n;
		while (c < chunks && pos >= counts[c]) {
			pos -= counts[c];
			c++;
		}
		return c < chunks ? (long) c << 32 | pos : -1;
	}

	/** Removes {@code removed} runs from (c0, i0) on and inserts the scratch runs there. */
	final void splice(int c0, int i0, int removed) {
		int tail = counts[c0] - i0 - removed;
		if (tail >= 0 && counts[c0] - removed + newCount <= CHUNK && newCount > 0) {
			// all within one chunk (the usual split or merge of a run or two): one shift, no compaction
			if (newCount != removed) {
				int from = i0 + removed;
				int to = i0 + newCount;
				System.arraycopy(starts[c0], from, starts[c0], to, tail);
				System.arraycopy(ends[c0], from, ends[c0], to, tail);
				System.arraycopy(values[c0], from, values[c0], to, tail);
			}
			System.arraycopy(newStarts, 0, starts[c0], i0, newCount);
			System.arraycopy(newEnds, 0, ends[c0], i0, newCount);
			System.arraycopy(newValues, 0, values[c0], i0, newCount);
			counts[c0] += newCount - removed;
			runs += newCount - removed;
			finger = c0;
			if (newCount < removed) {
				compact(c0, c0);
			}
			return;
		}
		// remove runs, chunk by chunk; chunks emptied on the way stay until compact()
		int c = c0;
		int i = i0;
		int left = removed;
		while (left > 0) {
			int take = Math.min(left, counts[c] - i);
			System.arraycopy(starts[c], i + take, starts[c], i, counts[c] - i - take);
			System.arraycopy(ends[c], i + take, ends[c], i, counts[c] - i - take);
			System.arraycopy(values[c], i + take, values[c], i, counts[c] - i - take);
			counts[c] -= take;
			runs -= take;
			left -= take;
			if (left > 0) {
				c++;
				i = 0;
			}
		}
		int before = chunks;
		insertAt(c0, i0);
		compact(c0, c + (chunks - before));
	}

	final void insertAt(int c, int i) {
		if (newCount == 0) {
			return;
		}
		if (counts[c] + newCount > CHUNK && i > 0 && i < counts[c]) {
			splitChunk(c, i); // position i is now the end of chunk c
		}
		if (counts[c] + newCount > CHUNK && i == 0 && counts[c] > 0) {
			insertChunk(c); // in front of a full chunk: the new runs get chunks of their own
			counts[c] = 0;
		}
		if (counts[c] + newCount <= CHUNK) {
			System.arraycopy(starts[c], i, starts[c], i + newCount, counts[c] - i);
			System.arraycopy(ends[c], i, ends[c], i + newCount, counts[c] - i);
			System.arraycopy(values[c], i, values[c], i + newCount, counts[c] - i);
			System.arraycopy(newStarts, 0, starts[c], i, newCount);
			System.arraycopy(newEnds, 0, ends[c], i, newCount);
			System.arraycopy(newValues, 0, values[c], i, newCount);
			counts[c] += newCount;
			runs += newCount;
			finger = c;
			return;
		}
		// many new runs: give them chunks of their own after chunk c (position i is its end)
		int at = c + 1;
		for (int k = 0; k < newCount; k += CHUNK / 2) {
			int n = Math.min(CHUNK / 2, newCount - k);
			insertChunk(at);
			System.arraycopy(newStarts, k, starts[at], 0, n);
			System.arraycopy(newEnds, k, ends[at], 0, n);
			System.arraycopy(newValues, k, values[at], 0, n);
			counts[at] = n;
			runs += n;
			at++;
		}
		finger = c;
	}

	/** Moves the runs of chunk c from position i on into a new chunk right after it. */
	final void splitChunk(int c, int i) {
		insertChunk(c + 1);
		int n = counts[c] - i;
		System.arraycopy(starts[c], i, starts[c + 1], 0, n);
		System.arraycopy(ends[c], i, ends[c + 1], 0, n);
		System.arraycopy(values[c], i, values[c + 1], 0, n);
		counts[c + 1] = n;
		counts[c] = i;
	}

	final void insertChunk(int at) {
		ensureChunkCapacity(chunks + 1);
		System.arraycopy(starts, at, starts, at + 1, chunks - at);
		System.arraycopy(ends, at, ends, at + 1, chunks - at);
		System.arraycopy(values, at, values, at + 1, chunks - at);
		System.arraycopy(counts, at, counts, at + 1, chunks - at);
		starts[at] = new long[CHUNK];
		ends[at] = new long[CHUNK];
		values[at] = new long[CHUNK];
		counts[at] = 0;
		chunks++;
	}

	final void removeChunk(int at) {
		System.arraycopy(starts, at + 1, starts, at, chunks - at - 1);
		System.arraycopy(ends, at + 1, ends, at, chunks - at - 1);
		System.arraycopy(values, at + 1, values, at, chunks - at - 1);
		System.arraycopy(counts, at + 1, counts, at, chunks - at - 1);
		chunks--;
		if (finger >= chunks) {
			finger = Math.max(0, chunks - 1);
		}
	}

	/**
	 * Drops the empty chunks among [from, to] and merges small neighbours there, so that every
	 * chunk holds runs (lookups read each chunk's first start) and chunks stay dense.
	 */
	final void compact(int from, int to) {
		int lo = Math.max(0, from - 1);
		int hi = Math.min(chunks - 1, to + 1);
		for (int k = hi; k >= lo; k--) {
			if (counts[k] == 0) {
				removeChunk(k);
				hi--;
			}
		}
		for (int k = lo; k < hi && k + 1 < chunks;) {
			if (counts[k] + counts[k + 1] <= CHUNK / 2) {
				System.arraycopy(starts[k + 1], 0, starts[k], counts[k], counts[k + 1]);
				System.arraycopy(ends[k + 1], 0, ends[k], counts[k], counts[k + 1]);
				System.arraycopy(values[k + 1], 0, values[k], counts[k], counts[k + 1]);
				counts[k] += counts[k + 1];
				removeChunk(k + 1);
				hi--;
			} else {
				k++;
			}
		}
		if (runs == 0) {
			chunks = 0;
		}
		finger = Math.min(finger, Math.max(0, chunks - 1));
	}

	final void ensureChunkCapacity(int n) {
		if (n > starts.length) {
			int cap = Math.max(n, starts.length * 2);
			starts = java.util.Arrays.copyOf(starts, cap);
			ends = java.util.Arrays.copyOf(ends, cap);
			values = java.util.Arrays.copyOf(values, cap);
			counts = java.util.Arrays.copyOf(counts, cap);
		}
	}

	/** The chunk whose runs cover or precede {@code key}: the last chunk starting at or before it. */
	final int chunkFor(long key) {
		if (chunks <= 1) {
			return 0; // most maps fit one chunk
		}
		int f = finger;
		if (f < chunks && counts[f] > 0 && starts[f][0] <= key && (f + 1 >= chunks || starts[f + 1][0] > key)) {
			return f;
		}
		int lo = 0;
		int hi = chunks - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (starts[mid][0] <= key) {
				lo = mid;
			} else {
				hi = mid - 1;
			}
		}
		finger = lo;
		return lo;
	}

	/** Index in chunk c of the last run starting at or before key, or -1. */
	final int lastStartAtOrBefore(int c, long key) {
		long[] s = starts[c];
		int n = counts[c];
		// the run of the last look-up, or the one after it: a hint, checked before it is used
		int h = hint;
		if (h < n && s[h] <= key) {
			if (h + 1 == n || s[h + 1] > key) {
				return h;
			}
			if (h + 2 == n || s[h + 2] > key) {
				hint = h + 1;
				return h + 1;
			}
		}
		int lo = 0;
		int hi = n - 1;
		int found = -1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			if (s[mid] <= key) {
				found = mid;
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		hint = Math.max(found, 0);
		return found;
	}
	RunChunks(long defaultValue) {
		this.defaultValue = defaultValue;
	}

	public long defaultValue() {
		return defaultValue;
	}

	/** True if no key holds a value other than the default. */
	public boolean isEmpty() {
		return runs == 0;
	}

	/** Number of stored runs: the memory this map costs. */
	public int runCount() {
		return runs;
	}

	/** Removes every run: all keys hold the default again. */
	public void clear() {
		chunks = 0;
		runs = 0;
		finger = 0;
	}

}
