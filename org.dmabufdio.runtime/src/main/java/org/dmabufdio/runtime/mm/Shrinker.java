package org.dmabufdio.runtime.mm;

/**
 * {@code struct shrinker} (include/linux/shrinker.h): a cache outside the LRU lists that reclaim
 * asks to give memory back, in proportion to how hard it is reclaiming ({@code do_shrink_slab()}
 * in mm/shrinker.c, see {@link Shrinkers}). Objects here are pages.
 */
public interface Shrinker {

	/** DEFAULT_SEEKS: what recreating an object costs, relative to a page read back in. */
	int DEFAULT_SEEKS = 2;

	/** {@code count_objects()}: pages this cache could free now. */
	long countObjects();

	/** {@code scan_objects()}: frees about {@code nrToScan} pages; returns the pages freed. */
	long scanObjects(long nrToScan);

	/** {@code seeks}. */
	default int seeks() {
		return DEFAULT_SEEKS;
	}
}
