package org.dmabufdio.runtime.mm;

import java.util.ArrayDeque;

/**
 * Swap space (mm/swapfile.c): a number of slots. With a compression ratio it is zram
 * (drivers/block/zram): what is swapped out is kept compressed in memory, which zsmalloc takes
 * from the page allocator while the task is in reclaim (PF_MEMALLOC: the reserves below the min
 * watermark may be used); the pages it holds are nr_zspages.
 */
public final class Swap {

	private final long totalSlots;
	private final double compressionRatio;
	private final PageAllocator allocator;
	private final Vmstat vmstat;
	private final ArrayDeque<long[]> zspages = new ArrayDeque<>();
	private long usedSlots;
	private long heldPages;

	/** Disk swap of {@code totalSlots} pages. */
	public Swap(long totalSlots) {
		this(totalSlots, 0, null, null);
	}

	/** zram of {@code totalSlots} pages compressing {@code compressionRatio} to one (0: disk swap). */
	public Swap(long totalSlots, double compressionRatio, PageAllocator allocator, Vmstat vmstat) {
		this.totalSlots = totalSlots;
		this.compressionRatio = compressionRatio;
		this.allocator = allocator;
		this.vmstat = vmstat;
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

	public boolean isZram() {
		return compressionRatio > 0;
	}

	/** Pages zram holds for the compressed data. */
	public long zsPages() {
		return heldPages;
	}

	/**
	 * {@code folio_alloc_swap()} + zram's store: takes up to {@code n} slots and, for zram, the
	 * memory to hold them compressed. Returns how many pages can be swapped out (fewer when zram
	 * cannot get memory).
	 */
	public long reserve(long n) {
		n = Math.min(n, freeSlots());
		if (n <= 0) {
			return 0;
		}
		if (isZram()) {
			long want = pagesFor(usedSlots + n) - heldPages;
			long got = want <= 0 ? 0
					: allocator.allocPagesNoWatermarks(want, (pfn, count) -> zspages.push(new long[] { pfn, count }));
			heldPages += got;
			vmstat.mod(NodeStat.NR_ZSPAGES, got);
			if (got < want) {
				// store only what fits in the memory zram has now
				n = Math.max(0, (long) Math.floor(heldPages * compressionRatio) - usedSlots);
			}
		}
		usedSlots += n;
		return n;
	}

	/** {@code swap_free()}: slots given back; zram returns the memory it no longer needs. */
	public void free(long n) {
		usedSlots -= n;
		if (isZram()) {
			long excess = heldPages - pagesFor(usedSlots);
			while (excess > 0 && !zspages.isEmpty()) {
				long[] run = zspages.peek();
				long give = Math.min(excess, run[1]);
				allocator.freePages(run[0] + run[1] - give, give);
				run[1] -= give;
				if (run[1] == 0) {
					zspages.pop();
				}
				heldPages -= give;
				excess -= give;
				vmstat.mod(NodeStat.NR_ZSPAGES, -give);
			}
		}
	}

	private long pagesFor(long slots) {
		return (long) Math.ceil(slots / compressionRatio);
	}
}
