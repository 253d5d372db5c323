package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * Dirty page accounting and throttling (mm/page-writeback.c): how much of memory may be dirty
 * before the flusher starts ({@code dirty_background_ratio}) and before writers are made to
 * wait ({@code dirty_ratio}), and the page state changes at the start and end of writeback.
 */
public final class PageWriteback {

	private final PageAllocator allocator;
	private final Lru lru;
	private final Vmstat vmstat;
	private int dirtyRatio = 20;
	private int dirtyBackgroundRatio = 10;

	public PageWriteback(PageAllocator allocator, Lru lru, Vmstat vmstat) {
		this.allocator = allocator;
		this.lru = lru;
		this.vmstat = vmstat;
	}

	/** vm.dirty_ratio and vm.dirty_background_ratio, in percent of dirtyable memory. */
	public void setRatios(int dirtyRatio, int dirtyBackgroundRatio) {
		this.dirtyRatio = dirtyRatio;
		this.dirtyBackgroundRatio = dirtyBackgroundRatio;
	}

	/**
	 * {@code global_dirtyable_memory()}: free pages above the reserves plus the file LRU, which
	 * is what could hold dirty page cache.
	 */
	long globalDirtyableMemory() {
		long free = allocator.freePages();
		free -= Math.min(free, allocator.totalreservePages());
		return free + vmstat.get(NodeStat.NR_INACTIVE_FILE) + vmstat.get(NodeStat.NR_ACTIVE_FILE);
	}

	/**
	 * {@code domain_dirty_limits()}: {background threshold, dirty threshold} in pages; the
	 * background one is at most half the other.
	 */
	public long[] domainDirtyLimits() {
		long available = globalDirtyableMemory();
		long thresh = available * dirtyRatio / 100;
		long bgThresh = available * dirtyBackgroundRatio / 100;
		if (bgThresh >= thresh) {
			bgThresh = thresh / 2;
		}
		return new long[] { bgThresh, thresh };
	}

	/** NR_FILE_DIRTY: what background writeback compares with its threshold. */
	public long nrDirty() {
		return vmstat.get(NodeStat.NR_FILE_DIRTY);
	}

	/** Dirty and under-writeback page cache: what writers are throttled on. */
	public long nrDirtyAndWriteback() {
		return vmstat.get(NodeStat.NR_FILE_DIRTY) + vmstat.get(NodeStat.NR_WRITEBACK);
	}

	/**
	 * {@code folio_clear_dirty_for_io()} + {@code folio_start_writeback()} for the dirty pages
	 * of [from, to): they stop counting as dirty and count as under writeback. Returns the runs
	 * that started, as {from, to} pairs.
	 */
	public List<long[]> folioStartWriteback(Pages pages, long from, long to) {
		List<long[]> runs = new ArrayList<>();
		pages.flagRuns(from, to, (s, e, f) -> {
			if ((f & Pages.PG_DIRTY) != 0 && (f & Pages.PG_WRITEBACK) == 0) {
				runs.add(new long[] { s, e });
			}
		});
		for (long[] r : runs) {
			long n = r[1] - r[0];
			pages.flags.update(r[0], r[1], v -> (v & ~Pages.PG_DIRTY) | Pages.PG_WRITEBACK);
			vmstat.mod(NodeStat.NR_FILE_DIRTY, -n);
			vmstat.mod(NodeStat.NR_WRITEBACK, n);
		}
		return runs;
	}

	/**
	 * {@code folio_end_writeback()} for [from, to): the pages are clean on disk now. Those that
	 * reclaim found under writeback (PG_reclaim) go to the tail of the inactive list
	 * ({@code folio_rotate_reclaimable()}), to be freed first, unless dirtied again meanwhile.
	 */
	public void folioEndWriteback(Pages pages, long from, long to) {
		List<long[]> rotate = new ArrayList<>();
		long[] ended = { 0 };
		pages.flagRuns(from, to, (s, e, f) -> {
			if ((f & Pages.PG_WRITEBACK) != 0) {
				ended[0] += e - s;
				if ((f & (Pages.PG_RECLAIM | Pages.PG_DIRTY | Pages.PG_LRU)) == (Pages.PG_RECLAIM | Pages.PG_LRU)) {
					rotate.add(new long[] { s, e });
				}
			}
		});
		pages.clearFlags(from, to, Pages.PG_WRITEBACK | Pages.PG_RECLAIM);
		vmstat.mod(NodeStat.NR_WRITEBACK, -ended[0]);
		for (long[] r : rotate) {
			lru.rotateToTail(pages, r[0], r[1]);
		}
	}
}
