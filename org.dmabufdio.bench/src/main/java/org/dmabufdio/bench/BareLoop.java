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

	/**
	 * The fastest of 21 timed passes, after 50 to warm up: the loop's own cost, without the
	 * noise of a busy machine (which would flatter the ratio).
	 */
	static double nsPerPage(int pages) {
		long[] state = new long[pages];
		long[] ns = new long[21];
		for (int round = 0; round < 50 + ns.length; round++) {
			long t0 = System.nanoTime();
			long carry = round;
			for (int i = 0; i < pages; i++) {
				carry = carry * 31 + i;
				state[i] = carry;
			}
			long t = System.nanoTime() - t0;
			sink += state[pages - 1];
			if (round >= 50) {
				ns[round - 50] = t;
			}
		}
		Arrays.sort(ns);
		return (double) ns[0] / pages;
	}
}
