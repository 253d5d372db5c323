package org.dmabufdio.runtime.mm;

import static org.dmabufdio.runtime.mm.Gfp.__GFP_DIRECT_RECLAIM;
import static org.dmabufdio.runtime.mm.Gfp.__GFP_DMA32;
import static org.dmabufdio.runtime.mm.Gfp.__GFP_KSWAPD_RECLAIM;
import static org.dmabufdio.runtime.mm.Gfp.__GFP_NORETRY;
import static org.dmabufdio.runtime.mm.Gfp.has;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The buddy page allocator of one node (mm/page_alloc.c): zones with their watermarks and
 * lowmem reserves, the fast path at the low watermark, the slow path that wakes kswapd, dips to
 * the min watermark and reclaims directly. Free memory is held as pfn extents per zone; the
 * buddy free lists (per order) are derived from them, so fragmentation is real state.
 */
public final class PageAllocator {

	/** MAX_PAGE_ORDER (formerly MAX_ORDER - 1): the largest buddy block is 4 MiB. */
	public static final int MAX_PAGE_ORDER = 10;
	/** PAGE_ALLOC_COSTLY_ORDER: above it the allocator gives up rather than retry reclaim. */
	public static final int PAGE_ALLOC_COSTLY_ORDER = 3;
	/** SWAP_CLUSTER_MAX: the least direct reclaim is asked to free. */
	public static final long SWAP_CLUSTER_MAX = 32;
	/** MAX_RECLAIM_RETRIES: rounds of no progress before an allocation fails. */
	static final int MAX_RECLAIM_RETRIES = 16;

	/** Receives allocated memory as runs of physically contiguous pages. */
	@FunctionalInterface
	public interface PfnRuns {
		void run(long pfn, long count);
	}

	private final List<Zone> zones;
	/** The zones again, as an array: the hot loops must not allocate iterators. */
	private final Zone[] zoneArray;
	private final Vmstat vmstat;
	private Reclaimer reclaimer = Reclaimer.NONE;
	private long minFreeKbytes;
	private int watermarkScaleFactor = 10;
	private long totalreservePages;

	/** sysctl_lowmem_reserve_ratio for ZONE_DMA32, ZONE_NORMAL (mm/page_alloc.c). */
	private static final long[] LOWMEM_RESERVE_RATIO = { 256, 32 };

	/**
	 * A node with the given zones (lowest first, sizes in pages); {@code reservedPages} at the
	 * bottom of the first zone are never given to the buddy allocator (kernel image, memmap).
	 */
	public PageAllocator(String[] zoneNames, long[] zonePages, long reservedPages, Vmstat vmstat) {
		this.vmstat = vmstat;
		List<Zone> list = new ArrayList<>();
		long pfn = 0;
		long reserved = reservedPages;
		for (int i = 0; i < zoneNames.length; i++) {
			Zone zone = new Zone(zoneNames[i], i, pfn, pfn + zonePages[i]);
			long holdBack = Math.min(reserved, zonePages[i]);
			reserved -= holdBack;
			zone.free.add(zone.startPfn + holdBack, zone.endPfn);
			zone.managedPages = zonePages[i] - holdBack;
			vmstat.mod(NodeStat.NR_FREE_PAGES, zone.managedPages);
			pfn = zone.endPfn;
			list.add(zone);
		}
		this.zones = Collections.unmodifiableList(list);
		this.zoneArray = list.toArray(new Zone[0]);
		initPerZoneWmarkMin(-1);
	}

	public void setReclaimer(Reclaimer reclaimer) {
		this.reclaimer = reclaimer;
	}

	public List<Zone> zones() {
		return zones;
	}

	public long minFreeKbytes() {
		return minFreeKbytes;
	}

	public long totalreservePages() {
		return totalreservePages;
	}

	/** totalram_pages(): what MemTotal shows. */
	public long totalramPages() {
		return zones.stream().mapToLong(Zone::managedPages).sum();
	}

	public long freePages() {
		return zones.stream().mapToLong(Zone::freePages).sum();
	}

	/** Sum of the zones' low watermarks, as si_mem_available() uses it. */
	public long sumWatermark(int which) {
		return zones.stream().mapToLong(z -> z.watermark(which)).sum();
	}

	/**
	 * {@code init_per_zone_wmark_min()} (mm/page_alloc.c): min_free_kbytes = sqrt(lowmem_kbytes
	 * * 16) clamped to [128, 262144], unless {@code userMinFreeKbytes} (the sysctl) is larger;
	 * then the watermarks, lowmem reserves and totalreserve_pages follow.
	 */
	public void initPerZoneWmarkMin(long userMinFreeKbytes) {
		long lowmemKbytes = totalramPages() * 4;
		long computed = Math.max(128, Math.min(262144, (long) Math.floor(Math.sqrt((double) lowmemKbytes * 16))));
		minFreeKbytes = Math.max(computed, userMinFreeKbytes);
		setupPerZoneWmarks();
		setupPerZoneLowmemReserve();
	}

	public void setWatermarkScaleFactor(int factor) {
		watermarkScaleFactor = factor;
		setupPerZoneWmarks();
		calculateTotalreservePages();
	}

	/** {@code __setup_per_zone_wmarks()}: splits min_free_kbytes over the zones by size. */
	void setupPerZoneWmarks() {
		long pagesMin = minFreeKbytes >> 2;
		long lowmemPages = totalramPages();
		for (Zone zone : zoneArray) {
			long min = mulDiv(pagesMin, zone.managedPages, Math.max(1, lowmemPages));
			long tmp = Math.max(min >> 2, zone.managedPages * watermarkScaleFactor / 10000);
			zone.watermark[Zone.WMARK_MIN] = min;
			zone.watermark[Zone.WMARK_LOW] = min + tmp;
			zone.watermark[Zone.WMARK_HIGH] = min + 2 * tmp;
		}
	}

	/** a * b / c as the kernel's u64 arithmetic, exact unless the product overflows 63 bits. */
	static long mulDiv(long a, long b, long c) {
		if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
			return a * b / c;
		}
		return (long) ((double) a * b / c);
	}

	/** {@code setup_per_zone_lowmem_reserve()}: what a lower zone keeps from higher-zone users. */
	void setupPerZoneLowmemReserve() {
		for (Zone zone : zoneArray) {
			zone.lowmemReserve = new long[zoneArray.length];
			long managed = 0;
			for (int j = zone.index + 1; j < zoneArray.length; j++) {
				managed += zoneArray[j].managedPages;
				long ratio = LOWMEM_RESERVE_RATIO[Math.min(zone.index, LOWMEM_RESERVE_RATIO.length - 1)];
				zone.lowmemReserve[j] = managed / ratio;
			}
		}
		calculateTotalreservePages();
	}

	/** {@code calculate_totalreserve_pages()}: high watermark plus the largest lowmem reserve. */
	void calculateTotalreservePages() {
		long total = 0;
		for (Zone zone : zoneArray) {
			long max = 0;
			for (long r : zone.lowmemReserve) {
				max = Math.max(max, r);
			}
			total += Math.min(zone.managedPages, max + zone.watermark[Zone.WMARK_HIGH]);
		}
		totalreservePages = total;
	}

	/** The zone a gfp mask may allocate from at most (gfp_zone()). */
	int highestZoneIdx(long gfp) {
		if (has(gfp, __GFP_DMA32)) {
			return 0;
		}
		return zoneArray.length - 1;
	}

	/**
	 * {@code __zone_watermark_ok()}: would taking a block of {@code order} leave the zone above
	 * {@code mark} plus the reserve, with a free block of at least that order?
	 */
	public boolean zoneWatermarkOk(Zone zone, int order, long mark, int highestZoneIdx) {
		long free = zone.freePages() - ((1L << order) - 1);
		if (free <= mark + zone.lowmemReserve[highestZoneIdx]) {
			return false;
		}
		return order == 0 || zone.free.findAlignedBlock(order) >= 0;
	}

	/**
	 * {@code alloc_pages()}: one block of 2^order pages, or -1 (NULL) if none could be had under
	 * this gfp mask. Runs the slow path: kswapd wake-up, the min watermark, direct reclaim.
	 */
	public long allocPages(long gfp, int order) {
		int highest = highestZoneIdx(gfp);
		reclaimer.kswapdCatchUp();
		long pfn = getPageFromFreelist(order, Zone.WMARK_LOW, highest);
		if (pfn >= 0) {
			return pfn;
		}
		return allocPagesSlowpath(gfp, order, highest);
	}

	private long allocPagesSlowpath(long gfp, int order, int highest) {
		if (has(gfp, __GFP_KSWAPD_RECLAIM)) {
			wakeAllKswapds(order, highest);
		}
		long pfn = getPageFromFreelist(order, Zone.WMARK_MIN, highest);
		if (pfn >= 0 || !has(gfp, __GFP_DIRECT_RECLAIM)) {
			return pfn;
		}
		int noProgress = 0;
		while (true) {
			long reclaimed = reclaimer.tryToFreePages(Math.max(SWAP_CLUSTER_MAX, 1L << order), gfp, order);
			pfn = getPageFromFreelist(order, Zone.WMARK_MIN, highest);
			if (pfn >= 0) {
				return pfn;
			}
			// costly orders and __GFP_NORETRY give up after one round (should_reclaim_retry())
			if (has(gfp, __GFP_NORETRY) || order > PAGE_ALLOC_COSTLY_ORDER) {
				return -1;
			}
			if (reclaimed == 0 && reclaimer.reclaimThrottle()) {
				continue; // pages under writeback will be reclaimable once written
			}
			noProgress = reclaimed > 0 ? 0 : noProgress + 1;
			if (noProgress >= MAX_RECLAIM_RETRIES) {
				return -1;
			}
		}
	}

	private void wakeAllKswapds(int order, int highest) {
		for (int i = highest; i >= 0; i--) {
			reclaimer.wakeupKswapd(zoneArray[i], order);
		}
	}

	/** {@code get_page_from_freelist()}: the first zone in the zonelist that passes the mark. */
	private long getPageFromFreelist(int order, int wmark, int highest) {
		for (int i = highest; i >= 0; i--) {
			Zone zone = zoneArray[i];
			if (!zoneWatermarkOk(zone, order, zone.watermark[wmark], highest)) {
				continue;
			}
			long pfn = zone.free.findAlignedBlock(order);
			if (pfn >= 0) {
				take(zone, pfn, 1L << order);
				return pfn;
			}
		}
		return -1;
	}

	/**
	 * {@code alloc_pages_bulk()} / repeated {@code alloc_page()}: {@code nrPages} order-0 pages,
	 * handed out as physically contiguous runs, the smallest free blocks first. Under pressure the
	 * allocation walks the same slow path as {@link #allocPages}, reclaiming in batches of what
	 * is still missing. Returns the number of pages allocated, fewer if memory ran out.
	 */
	public long allocPagesBulk(long gfp, long nrPages, PfnRuns out) {
		int highest = highestZoneIdx(gfp);
		long got = 0;
		int noProgress = 0;
		while (got < nrPages) {
			reclaimer.kswapdCatchUp();
			got += takeAboveMark(Zone.WMARK_LOW, highest, nrPages - got, out);
			if (got == nrPages) {
				break;
			}
			if (has(gfp, __GFP_KSWAPD_RECLAIM)) {
				wakeAllKswapds(0, highest);
			}
			got += takeAboveMark(Zone.WMARK_MIN, highest, nrPages - got, out);
			if (got == nrPages || !has(gfp, __GFP_DIRECT_RECLAIM)) {
				break;
			}
			// the stalled task reclaims what brings it back to the low watermark (at least a
			// cluster), then tries again; kswapd, still below its high watermark, works meanwhile
			long want = Math.max(SWAP_CLUSTER_MAX, Math.min(nrPages - got, pagesBelowLow()));
			long reclaimed = reclaimer.tryToFreePages(want, gfp, 0);
			if (reclaimed == 0 && !has(gfp, __GFP_NORETRY) && reclaimer.reclaimThrottle()) {
				continue; // pages under writeback will be reclaimable once written
			}
			noProgress = reclaimed > 0 ? 0 : noProgress + 1;
			if (noProgress >= MAX_RECLAIM_RETRIES || (reclaimed == 0 && has(gfp, __GFP_NORETRY))) {
				got += takeAboveMark(Zone.WMARK_MIN, highest, nrPages - got, out);
				break;
			}
		}
		if (has(gfp, __GFP_KSWAPD_RECLAIM) && pagesBelowLow() > 0) {
			wakeAllKswapds(0, highest); // what the next allocation would do below the low watermark
		}
		return got;
	}

	/**
	 * An allocation with ALLOC_NO_WATERMARKS, as a task in reclaim (PF_MEMALLOC) makes: it may
	 * use the reserves below the min watermark, and fails only when nothing is free.
	 */
	public long allocPagesNoWatermarks(long nrPages, PfnRuns out) {
		long got = 0;
		for (int i = zoneArray.length - 1; i >= 0 && got < nrPages; i--) {
			Zone zone = zoneArray[i];
			long n = Math.min(nrPages - got, zone.freePages());
			got += takeSmallest(zone, n, out);
		}
		return got;
	}

	/** Takes up to {@code want} pages from zones above their {@code wmark}, zonelist order. */
	private long takeAboveMark(int wmark, int highest, long want, PfnRuns out) {
		long got = 0;
		for (int i = highest; i >= 0 && got < want; i--) {
			Zone zone = zoneArray[i];
			long avail = zone.freePages() - zone.watermark[wmark] - zone.lowmemReserve[highest];
			long n = Math.min(want - got, avail);
			got += takeSmallest(zone, n, out);
		}
		return got;
	}

	/** Takes {@code n} free pages of a zone, the smallest free extents first, as runs. */
	private long takeSmallest(Zone zone, long n, PfnRuns out) {
		long got = 0;
		while (got < n) {
			long start = zone.free.smallestExtentStart();
			long take = zone.free.removeFromStart(start, n - got);
			vmstat.mod(NodeStat.NR_FREE_PAGES, -take);
			out.run(start, take);
			got += take;
		}
		return got;
	}

	private void take(Zone zone, long pfn, long count) {
		zone.free.remove(pfn, pfn + count);
		vmstat.mod(NodeStat.NR_FREE_PAGES, -count);
	}

	/** {@code __free_pages()} / {@code free_unref_page()}: gives [pfn, pfn + count) back. */
	public void freePages(long pfn, long count) {
		long end = pfn + count;
		for (Zone zone : zoneArray) {
			long s = Math.max(pfn, zone.startPfn);
			long e = Math.min(end, zone.endPfn);
			if (s < e) {
				zone.free.add(s, e);
				vmstat.mod(NodeStat.NR_FREE_PAGES, e - s);
			}
		}
	}

	/**
	 * Takes {@code pages} contiguous pages from the top of the highest zone at boot for a CMA
	 * area: still managed memory (MemTotal, and MemFree while free) but out of the buddy lists.
	 * Returns the first pfn, or -1 if the zone has no such free range.
	 */
	public long carveOut(long pages) {
		Zone zone = zoneArray[zoneArray.length - 1];
		long start = zone.endPfn - pages;
		if (pages <= 0 || start < zone.startPfn) {
			return -1;
		}
		zone.free.remove(start, zone.endPfn);
		return start;
	}

	/** The free extents of every zone, as {start, end} pfn pairs in address order. */
	public java.util.List<long[]> freeExtents() {
		java.util.List<long[]> out = new java.util.ArrayList<>();
		for (Zone zone : zoneArray) {
			zone.free.forEach((s, e, v) -> out.add(new long[] { s, e }));
		}
		return out;
	}

	/** Takes the specific free pages [pfn, pfn + count) (a boot-time reservation); false if not free. */
	public boolean takeRange(long pfn, long count) {
		for (Zone zone : zoneArray) {
			if (zone.containsPfn(pfn)) {
				if (!zone.free.contains(pfn) || !zone.free.contains(pfn + count - 1)) {
					return false;
				}
				take(zone, pfn, count);
				return true;
			}
		}
		return false;
	}

	/** True if every zone is at or above its high watermark (pgdat_balanced()). */
	public boolean balanced() {
		for (Zone zone : zoneArray) {
			if (zone.freePages() < zone.watermark[Zone.WMARK_HIGH]) {
				return false;
			}
		}
		return true;
	}

	/** Pages missing for every zone to be back at its low watermark. */
	long pagesBelowLow() {
		long n = 0;
		for (Zone zone : zoneArray) {
			n += Math.max(0, zone.watermark[Zone.WMARK_LOW] - zone.freePages());
		}
		return n;
	}

	/** Pages kswapd must still free for every zone to reach its high watermark. */
	public long pagesBelowHigh() {
		long n = 0;
		for (Zone zone : zoneArray) {
			n += Math.max(0, zone.watermark[Zone.WMARK_HIGH] - zone.freePages());
		}
		return n;
	}

	/** Free blocks per order over all zones (/proc/buddyinfo summed). */
	public long[] buddyinfo() {
		long[] sum = new long[MAX_PAGE_ORDER + 1];
		for (Zone zone : zoneArray) {
			long[] z = zone.buddyinfo();
			for (int o = 0; o <= MAX_PAGE_ORDER; o++) {
				sum[o] += z[o];
			}
		}
		return sum;
	}
}
