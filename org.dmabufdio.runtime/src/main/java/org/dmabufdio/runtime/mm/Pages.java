package org.dmabufdio.runtime.mm;

import org.dmabufdio.runtime.util.RangeMap;

/**
 * What {@code struct page} holds, for all pages of one owner (an address_space, a dma-buf's
 * scatterlist, an anon_vma), indexed by page offset within the owner and run-length encoded:
 * never an object per page (include/linux/mm_types.h, include/linux/page-flags.h).
 */
public final class Pages {

	/** Who owns the pages, which decides counters and reclaim. */
	public enum Kind {
		/** page cache of a regular file: NR_FILE_PAGES, file LRU, MM_FILEPAGES when mapped */
		FILE,
		/** shmem/memfd: swap-backed page cache, NR_SHMEM, MM_SHMEMPAGES when mapped */
		SHMEM,
		/** anonymous memory: NR_ANON_MAPPED, anon LRU, MM_ANONPAGES */
		ANON,
		/** a dma-buf heap's pages: owned by the exporter, on no LRU */
		DMABUF
	}

	/** Page flags (PG_*) kept per page. */
	public static final long PG_UPTODATE = 1L;
	public static final long PG_DIRTY = 1L << 1;
	public static final long PG_REFERENCED = 1L << 2;
	public static final long PG_ACTIVE = 1L << 3;
	public static final long PG_LRU = 1L << 4;
	public static final long PG_WRITEBACK = 1L << 6;
	/** Reclaim met the page dirty or under writeback: rotate it to the inactive tail once written. */
	public static final long PG_RECLAIM = 1L << 7;

	/** pfn value of a page that is not resident. */
	public static final long NO_PAGE = Long.MIN_VALUE;

	public final Kind kind;
	public final String name;

	/** pfn - index, so a physically contiguous run of pages is one entry; NO_PAGE if absent. */
	final RangeMap pfnDelta = new RangeMap(NO_PAGE);
	/** Number of ptes mapping each page: the kernel's {@code _mapcount + 1}. */
	final RangeMap mapcount = new RangeMap(0);
	/** FOLL_PIN pins on each page ({@code folio_maybe_dma_pinned()}). */
	final RangeMap pincount = new RangeMap(0);
	/** PG_* bits. */
	final RangeMap flags = new RangeMap(0);
	/** The LRU position of each page on an LRU list (0: on none); see {@link Lru}. */
	final RangeMap lruSeq = new RangeMap(0);
	/**
	 * PG_readahead, 1 on marked pages. Kept apart from {@link #flags}: one page of a readahead
	 * window carries it, and among the other flags it would split the window's run in three.
	 */
	private final RangeMap readahead = new RangeMap(0);
	/** Who frees these pages when reclaim picks them; null for pages reclaim never takes. */
	Reclaimable reclaimOwner;
	/** The vmas that map these pages linearly (i_mmap), for reverse-map walks. */
	final java.util.List<Vma> mappers = new java.util.ArrayList<>();
	/** Told when pins on some pages were dropped: the owner may free pages nobody holds now. */
	UnpinListener onUnpin;

	/** The owner's reaction to pins being dropped (the final folio_put() of a pinned page). */
	@FunctionalInterface
	public interface UnpinListener {
		void unpinned(Pages pages, long from, long to);
	}

	public Pages(Kind kind, String name) {
		this.kind = kind;
		this.name = name;
	}

	/** Who frees these pages under reclaim: for page cache, its address_space (folio->mapping). */
	public Reclaimable reclaimOwner() {
		return reclaimOwner;
	}

	/** Sets who frees these pages when reclaim picks them off an LRU list. */
	public void setReclaimOwner(Reclaimable owner) {
		this.reclaimOwner = owner;
	}

	/** Sets who is told when pins on these pages are dropped. */
	public void setOnUnpin(UnpinListener listener) {
		this.onUnpin = listener;
	}

	public boolean isSwapBacked() {
		return kind == Kind.SHMEM || kind == Kind.ANON;
	}

	/** The pfn of page {@code index}, or {@link #NO_PAGE}. */
	public long pfn(long index) {
		long d = pfnDelta.get(index);
		return d == NO_PAGE ? NO_PAGE : d + index;
	}

	public boolean isResident(long index) {
		return pfnDelta.get(index) != NO_PAGE;
	}

	/** Resident pages in [from, to). */
	public long residentPages(long from, long to) {
		return pfnDelta.countStored(from, to);
	}

	/**
	 * Where the pfn run (or the hole) holding page {@code index} ends: for loops over resident
	 * runs and holes that must not allocate a visitor.
	 */
	public long pfnRunEnd(long index) {
		return pfnDelta.nextChange(index);
	}

	/** Visits the resident runs of [from, to) as (index, indexEnd, firstPfn). */
	public void forEachResident(long from, long to, RangeMap.RunVisitor visitor) {
		pfnDelta.forEach(from, to, (s, e, d) -> {
			if (d != NO_PAGE) {
				visitor.run(s, e, s + d);
			}
		});
	}

	/** Visits the holes (non-resident runs) of [from, to). */
	public void forEachHole(long from, long to, RangeMap.RunVisitor visitor) {
		pfnDelta.forEach(from, to, (s, e, d) -> {
			if (d == NO_PAGE) {
				visitor.run(s, e, 0);
			}
		});
	}

	/** Makes [index, index + n) resident at pfns [pfn, pfn + n). */
	public void install(long index, long n, long pfn) {
		pfnDelta.set(index, index + n, pfn - index);
	}

	/** Forgets the pfns of [from, to) and every per-page state there. */
	public void remove(long from, long to) {
		pfnDelta.set(from, to, NO_PAGE);
		flags.set(from, to, 0);
		if (!readahead.isEmpty()) {
			readahead.set(from, to, 0);
		}
	}

	/** Visits the mapcount runs of [from, to). */
	public void mapcountRuns(long from, long to, RangeMap.RunVisitor visitor) {
		mapcount.forEach(from, to, visitor);
	}

	/** Visits the pin count runs of [from, to). */
	public void pincountRuns(long from, long to, RangeMap.RunVisitor visitor) {
		pincount.forEach(from, to, visitor);
	}

	/** Visits the PG_* flag runs of [from, to). */
	public void flagRuns(long from, long to, RangeMap.RunVisitor visitor) {
		flags.forEach(from, to, visitor);
	}

	public long mapcount(long index) {
		return mapcount.get(index);
	}

	public long pincount(long index) {
		return pincount.get(index);
	}

	/** Pages in [from, to) mapped by at least one pte. */
	public long mapcountPages(long from, long to) {
		return mapcount.countStored(from, to);
	}

	/** Pages in [from, to) with at least one FOLL_PIN pin. */
	public long pinnedPages(long from, long to) {
		return pincount.countStored(from, to);
	}

	public boolean testFlag(long index, long flag) {
		return (flags.get(index) & flag) != 0;
	}

	public void setFlags(long from, long to, long flag) {
		flags.or(from, to, flag);
	}

	public void clearFlags(long from, long to, long flag) {
		flags.andNot(from, to, flag);
	}

	/** The PG_* bits of page {@code index}. */
	public long flagsAt(long index) {
		return flags.get(index);
	}

	/** Where the run of equal flags holding page {@code index} ends. */
	public long flagRunEnd(long index) {
		return flags.nextChange(index);
	}

	/** The end of the run of resident pages that starts at {@code index} (contiguous in index, not pfn), at most {@code limit}. */
	public long residentRunEnd(long index, long limit) {
		return pfnDelta.storedStretchEnd(index, limit);
	}

	/** Pages in [from, to) with all of {@code flag} set. */
	public long countFlag(long from, long to, long flag) {
		return flags.countMasked(from, to, flag, flag);
	}

	/** {@code folio_set_readahead()}: page {@code index} starts the next readahead when reached. */
	public void setReadahead(long index) {
		readahead.set(index, index + 1, 1);
	}

	/** {@code folio_test_clear_readahead()}: whether page {@code index} was marked, unmarking it. */
	public boolean testClearReadahead(long index) {
		if (readahead.isEmpty() || readahead.get(index) == 0) {
			return false;
		}
		readahead.set(index, index + 1, 0);
		return true;
	}

	/** The first page of [from, to) marked PG_readahead, or -1. */
	public long firstReadahead(long from, long to) {
		return readahead.isEmpty() ? -1 : readahead.firstWithBits(from, to, 1);
	}

	/** Runs of per-page state: what this owner costs in memory. */
	public int runCount() {
		return pfnDelta.runCount() + mapcount.runCount() + pincount.runCount() + flags.runCount()
				+ lruSeq.runCount() + readahead.runCount();
	}

	@Override
	public String toString() {
		return kind + " " + name;
	}
}
