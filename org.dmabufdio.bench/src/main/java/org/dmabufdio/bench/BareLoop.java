package org.dmabufdio.bench;

import java.util.Arrays;

/**
 * The yardstick for the cost per simulated page: one pass over an array of as many pages as the
 * workload simulates, writing each page's state word from the one before (so the JIT can
 * neither skip nor vectorise it away), as the cheapest page-array simulator would.
 */
final class BareLoop {

	private static volatile long sink;

	private BareLoop() {
	}

	/** Median ns per page over a few timed passes, after warming up. */
	static double nsPerPage(int pages) {
		long[] state = new long[pages];
		long[] ns = new long[7];
		for (int round = 0; round < 10 + ns.length; round++) {
			long t0 = System.nanoTime();
			long carry = round;
			for (int i = 0; i < pages; i++) {
				carry = carry * 31 + i;
				state[i] = carry;
			}
			long t = System.nanoTime() - t0;
			sink += state[pages - 1];
			if (round >= 10) {
				ns[round - 10] = t;
			}
		}
		Arrays.sort(ns);
		return (double) ns[ns.length / 2] / pages;
	}
}
