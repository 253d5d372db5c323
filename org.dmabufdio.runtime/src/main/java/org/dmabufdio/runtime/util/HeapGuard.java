package org.dmabufdio.runtime.util;

/**
 * Whether the JVM's live heap has grown past a share of its maximum, so a simulation whose state
 * would exhaust the host stops with a message instead of an OutOfMemoryError. One per simulated
 * machine. Cheap while the heap, garbage included, is below the limit (two reads of
 * {@link Runtime}); above it, garbage is told from live data by a collection, at most one a
 * second per machine, so a busy but healthy heap does not spend its time collecting.
 */
public final class HeapGuard {

	private static final long CONFIRM_EVERY_NS = 1_000_000_000L;

	private final double share;
	private long lastConfirm = System.nanoTime() - CONFIRM_EVERY_NS;

	/** A guard for {@code share} of the maximum heap; 1 or more never stops anything. */
	public HeapGuard(double share) {
		this.share = share;
	}

	/** The live heap in bytes if it exceeds the share of the maximum heap, else -1. */
	public long over() {
		if (share >= 1) {
			return -1;
		}
		Runtime rt = Runtime.getRuntime();
		long limit = (long) (share * rt.maxMemory());
		long now = System.nanoTime();
		if (rt.totalMemory() - rt.freeMemory() <= limit || now - lastConfirm < CONFIRM_EVERY_NS) {
			return -1;
		}
		lastConfirm = now;
		System.gc();
		long live = rt.totalMemory() - rt.freeMemory();
		return live > limit ? live : -1;
	}

	public double share() {
		return share;
	}
}
