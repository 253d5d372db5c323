package org.dmabufdio.runtime.mm;

/** The owner of LRU pages, asked by reclaim to give some of them up. */
public interface Reclaimable {

	/**
	 * Frees the resident pages of [from, to) of {@code pages} that can go now (clean, unmapped or
	 * unmappable, not pinned) and returns how many it freed; those it keeps stay where they are.
	 */
	long reclaim(Pages pages, long from, long to);
}
