package org.dmabufdio.runtime.mm;

/**
 * Swap space (mm/swapfile.c) as the simulator needs it: a number of slots; zram's compressed
 * store is charged as memory by whoever swaps out.
 */
public final class Swap {

	private final long totalSlots;
	private long usedSlots;

	public Swap(long totalSlots) {
		this.totalSlots = totalSlots;
	}

	public long freeSlots() {
		return totalSlots - usedSlots;
	}

	public long usedSlots() {
		return usedSlots;
	}

	public long totalSlots() {
		return totalSlots;
	}

	/** {@code folio_alloc_swap()}: takes {@code n} slots. */
	public void allocate(long n) {
		if (n > freeSlots()) {
			throw new IllegalStateException("swap full");
		}
		usedSlots += n;
	}

	/** {@code swap_free()}. */
	public void free(long n) {
		usedSlots -= n;
	}
}
