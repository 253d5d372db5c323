package org.dmabufdio.runtime.mm;

/** What the page allocator asks of reclaim (mm/vmscan.c), so the two stay decoupled. */
public interface Reclaimer {

	/** {@code wakeup_kswapd()}: the zone fell below its low watermark. */
	void wakeupKswapd(Zone zone, int order);

	/** Lets a woken kswapd do the work that fits in the time that passed since it last ran. */
	void kswapdCatchUp();

	/**
	 * {@code try_to_free_pages()}: direct reclaim by the allocating task, which stalls for it.
	 * Returns the number of pages reclaimed.
	 */
	long tryToFreePages(long nrToReclaim, long gfp, int order);

	/**
	 * {@code reclaim_throttle()}: direct reclaim freed nothing; waits for writeback in flight to
	 * make pages reclaimable. False if there was none to wait for.
	 */
	default boolean reclaimThrottle() {
		return false;
	}

	/** A reclaimer that never frees anything (a machine without reclaimable memory). */
	Reclaimer NONE = new Reclaimer() {
		@Override
		public void wakeupKswapd(Zone zone, int order) {
		}

		@Override
		public void kswapdCatchUp() {
		}

		@Override
		public long tryToFreePages(long nrToReclaim, long gfp, int order) {
			return 0;
		}
	};
}
