package org.dmabufdio.runtime.mm;

import org.dmabufdio.runtime.util.ExtentSet;

/**
 * One memory zone (struct zone, include/linux/mmzone.h): a pfn range, its free pages as the
 * buddy allocator holds them, its watermarks and its lowmem reserves.
 */
public final class Zone {

	public static final int WMARK_MIN = 0;
	public static final int WMARK_LOW = 1;
	public static final int WMARK_HIGH = 2;

	public final String name;
	/** zone_idx(): position in the node, lowest zone first. */
	public final int index;
	public final long startPfn;
	public final long endPfn;
	/** Free pages, as extents: the buddy free lists are derived from them. */
	final ExtentSet free = new ExtentSet();
	/** Pages the buddy allocator manages (present minus reserved at boot). */
	long managedPages;
	final long[] watermark = new long[3];
	/** lowmem_reserve[j]: pages kept back from allocations that could have used zone j. */
	long[] lowmemReserve;

	Zone(String name, int index, long startPfn, long endPfn) {
		this.name = name;
		this.index = index;
		this.startPfn = startPfn;
		this.endPfn = endPfn;
	}

	public long presentPages() {
		return endPfn - startPfn;
	}

	public long managedPages() {
		return managedPages;
	}

	public long freePages() {
		return free.size();
	}

	/** min_wmark_pages() / low_wmark_pages() / high_wmark_pages(). */
	public long watermark(int which) {
		return watermark[which];
	}

	public long lowmemReserve(int highestZoneIdx) {
		return lowmemReserve[highestZoneIdx];
	}

	/** The free blocks per order, as /proc/buddyinfo prints them. */
	public long[] buddyinfo() {
		return free.blocksPerOrder(PageAllocator.MAX_PAGE_ORDER);
	}

	public boolean containsPfn(long pfn) {
		return pfn >= startPfn && pfn < endPfn;
	}

	@Override
	public String toString() {
		return name;
	}
}
