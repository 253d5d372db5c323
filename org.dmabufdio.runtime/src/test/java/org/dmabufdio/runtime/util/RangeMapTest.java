package org.dmabufdio.runtime.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RangeMap against a plain array, under random operations of every kind. */
class RangeMapTest {

	static final int KEYS = 3000;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void behavesLikeAnArray(long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		RangeMap map = new RangeMap(0);
		long[] ref = new long[KEYS];
		for (int op = 0; op < 4000; op++) {
			int from = r.nextInt(KEYS);
			int to = Math.min(KEYS, from + 1 + (r.nextBoolean() ? r.nextInt(8) : r.nextInt(600)));
			switch (r.nextInt(7)) {
			case 6 -> {
				// some bits replaced, the old runs visited first, as page flag updates do
				long mask = 1 + r.nextInt(3);
				long bits = r.nextInt(4) & mask;
				List<long[]> seen = new ArrayList<>();
				map.setBits(from, to, mask, bits, (s, e, v) -> seen.add(new long[] { s, e, v }));
				long covered = 0;
				for (long[] run : seen) {
					covered += run[1] - run[0];
					for (long k = run[0]; k < run[1]; k++) {
						assertEquals(ref[(int) k], run[2]);
					}
				}
				assertEquals(to - from, covered, "the visitor sees every key of the range");
				for (int k = from; k < to; k++) {
					ref[k] = (ref[k] & ~mask) | bits;
				}
			}
			case 0 -> {
				long v = r.nextInt(4);
				map.set(from, to, v);
				for (int k = from; k < to; k++) {
					ref[k] = v;
				}
			}
			case 1 -> {
				long d = r.nextInt(3) - 1;
				map.add(from, to, d);
				for (int k = from; k < to; k++) {
					ref[k] += d;
				}
			}
			case 2 -> {
				// a sequential append, as readahead does
				long v = 1 + r.nextInt(2);
				int end = Math.min(KEYS, to + 40);
				map.set(to, end, v);
				for (int k = to; k < end; k++) {
					ref[k] = v;
				}
			}
			case 3 -> {
				// one whole stored run changes value (or a flag is set again), as flag updates do
				long start = map.runStart(from);
				if (start >= 0) {
					long end = map.runEnd(from);
					long v = r.nextInt(4);
					map.set(start, end, v);
					for (long k = start; k < end; k++) {
						ref[(int) k] = v;
					}
				}
			}
			case 4 -> {
				// a boundary moves: the head or tail of a run takes its neighbour's value or the
				// default, as window after window of a sequential read does
				long start = map.runStart(from);
				if (start >= 0) {
					long end = map.runEnd(from);
					long cut = start + 1 + r.nextLong(end - start);
					boolean head = r.nextBoolean();
					long s0 = head ? start : cut - 1;
					long e0 = head ? cut : end;
					long v = r.nextBoolean() ? 0 : head ? (start > 0 ? ref[(int) start - 1] : 0) : (end < KEYS ? ref[(int) end] : 0);
					map.set(s0, e0, v);
					for (long k = s0; k < e0; k++) {
						ref[(int) k] = v;
					}
				}
			}
			default -> {
				// visit and check the visitor sees the old values
				List<long[]> seen = new ArrayList<>();
				map.update(from, to, v -> v * 2, (s, e, v) -> seen.add(new long[] { s, e, v }));
				for (long[] run : seen) {
					for (long k = run[0]; k < run[1]; k++) {
						assertEquals(ref[(int) k], run[2]);
					}
				}
				for (int k = from; k < to; k++) {
					ref[k] *= 2;
				}
			}
			}
			if (op % 50 == 0 || op > 3900) {
				check(map, ref);
			}
		}
	}

	private static void check(RangeMap map, long[] ref) {
		for (int k = 0; k < KEYS; k++) {
			assertEquals(ref[k], map.get(k), "key " + k);
		}
		// forEach covers [from, to) exactly, and runs are coalesced
		long[] cursor = { 0 };
		long[] prev = { Long.MIN_VALUE, 0 };
		int[] changes = { 0 };
		map.forEach(0, KEYS, (s, e, v) -> {
			assertEquals(cursor[0], s);
			assertTrue(e > s);
			for (long k = s; k < e; k++) {
				assertEquals(ref[(int) k], v);
			}
			assertTrue(prev[0] != v || prev[1] != s, "adjacent runs with the same value");
			prev[0] = v;
			prev[1] = e;
			cursor[0] = e;
		});
		assertEquals(KEYS, cursor[0]);
		for (int k = 1; k < KEYS; k++) {
			if (ref[k] != ref[k - 1]) {
				changes[0]++;
			}
		}
		int nonDefaultRuns = 0;
		for (int k = 0; k < KEYS; k++) {
			if (ref[k] != 0 && (k == 0 || ref[k - 1] != ref[k])) {
				nonDefaultRuns++;
			}
		}
		assertEquals(nonDefaultRuns, map.runCount(), "runs are minimal");
		// countMasked: the keys whose value has given bits under a mask
		for (int k = 0; k < KEYS; k += 11) {
			int to = Math.min(KEYS, k + (k * 23) % 800);
			long mask = 1 + (k % 3);
			long bits = (k / 3) % 2 == 0 ? 0 : mask;
			int n = 0;
			for (int j = k; j < to; j++) {
				n += (ref[j] & mask) == bits ? 1 : 0;
			}
			assertEquals(n, map.countMasked(k, to, mask, bits), "masked keys in [" + k + ", " + to + ")");
		}
		// countStored: the keys holding non-default values in a range
		for (int k = 0; k < KEYS; k += 13) {
			int to = Math.min(KEYS, k + (k * 17) % 700);
			int n = 0;
			for (int j = k; j < to; j++) {
				n += ref[j] != 0 ? 1 : 0;
			}
			assertEquals(n, map.countStored(k, to), "stored keys in [" + k + ", " + to + ")");
		}
		// storedStretchEnd: where the keys holding non-default values from k end, clipped
		for (int k = 0; k < KEYS; k += 7) {
			int limit = Math.min(KEYS, k + 1 + (k * 31) % 900);
			int end = k;
			while (end < limit && ref[end] != 0) {
				end++;
			}
			assertEquals(end, map.storedStretchEnd(k, limit), "stretch from " + k + " to at most " + limit);
		}
	}

	@Test
	void aMapThatEmptiesFillsAgain() {
		RangeMap map = new RangeMap(0);
		for (int round = 0; round < 3; round++) {
			map.set(10, 20, 5);
			map.set(20, 30, 6);
			assertEquals(30, map.storedStretchEnd(12, 100));
			assertEquals(25, map.storedStretchEnd(12, 25));
			assertEquals(9, map.storedStretchEnd(9, 100));
			map.set(0, 40, 0);
			assertTrue(map.isEmpty());
			assertEquals(0, map.get(15));
		}
		// clearing to the default from inside the first run or short of the last one keeps the rest
		map.set(10, 20, 5);
		map.set(30, 40, 6);
		map.set(12, 50, 0);
		assertEquals(5, map.get(11));
		assertEquals(0, map.get(12));
		assertEquals(1, map.runCount());
		map.set(30, 40, 6);
		map.set(0, 39, 0);
		assertEquals(6, map.get(39));
		assertEquals(1, map.runCount());
	}

	@Test
	void hugeKeysAndOneRun() {
		RangeMap map = new RangeMap(-1);
		map.set(0, 1L << 48, 7);
		assertEquals(1, map.runCount());
		assertEquals(7, map.get((1L << 48) - 1));
		assertEquals(-1, map.get(1L << 48));
		map.set(5, 10, -1);
		assertEquals(2, map.runCount());
		assertEquals((1L << 48) - 5, map.count(0, 1L << 48, v -> v == 7));
	}

	@Test
	void manyRunsSpillIntoChunks() {
		RangeMap map = new RangeMap(0);
		for (int i = 0; i < 10_000; i++) {
			map.set(2 * i, 2 * i + 1, 1 + (i % 3));
		}
		assertEquals(10_000, map.runCount());
		map.set(0, 20_000, 5);
		assertEquals(1, map.runCount());
		map.clear();
		assertTrue(map.isEmpty());
	}
}
