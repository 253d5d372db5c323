package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.runtime.util.RangeMap;

/**
 * The node's LRU lists (include/linux/mm_inline.h, mm/swap.c): inactive and active lists for
 * file and anonymous pages, or, with CONFIG_LRU_GEN enabled, the generations of {@link LruGen}
 * (then every call here goes there). Each list is a queue of runs of pages of one owner, newest
 * first.
 * A page belongs to the run whose sequence number its owner records for it ({@code lruSeq});
 * pages that leave a list simply stop matching, and runs with no page left are dropped when
 * they reach the old end. Cost is per run, never per page.
 */
public final class Lru {

	/** enum lru_list. */
	public enum LruList {
		INACTIVE_ANON(NodeStat.NR_INACTIVE_ANON), ACTIVE_ANON(NodeStat.NR_ACTIVE_ANON),
		INACTIVE_FILE(NodeStat.NR_INACTIVE_FILE), ACTIVE_FILE(NodeStat.NR_ACTIVE_FILE);

		final NodeStat stat;

		LruList(NodeStat stat) {
			this.stat = stat;
		}

		public boolean isActive() {
			return this == ACTIVE_ANON || this == ACTIVE_FILE;
		}

		public boolean isFile() {
			return this == INACTIVE_FILE || this == ACTIVE_FILE;
		}

		static LruList of(boolean file, boolean active) {
			return file ? (active ? ACTIVE_FILE : INACTIVE_FILE) : (active ? ACTIVE_ANON : INACTIVE_ANON);
		}
	}

	/** A run of pages on a list: pages [from, to) of owner. */
	public record Entry(Pages owner, long from, long to) {
		public long size() {
			return to - from;
		}
	}

	private final Vmstat vmstat;
	/** The multi-generational LRU, or null for the two-list one. */
	private LruGen gen;
	/** Inside handle_mm_fault() ({@code lru_gen_in_fault()}). */
	private int inFault;
	private final LruRuns[] lists = new LruRuns[LruList.values().length];
	private long nextSeq = 1;

	public Lru(Vmstat vmstat) {
		this.vmstat = vmstat;
		for (int i = 0; i < lists.length; i++) {
			lists[i] = new LruRuns();
		}
	}

	/** Switches to the multi-generational LRU (/sys/kernel/mm/lru_gen/enabled); before any page is added. */
	public void enableLruGen() {
		gen = new LruGen(vmstat);
	}

	/** The multi-generational LRU, or null when the two-list LRU runs. */
	public LruGen lruGen() {
		return gen;
	}

	/**
	 * {@code lru_gen_enter_fault()} / {@code lru_gen_exit_fault()}: pages added to the LRU in
	 * between were faulted in, and the multi-generational LRU starts them in the youngest
	 * generation ({@code folio_add_lru()}).
	 */
	public void enterFault() {
		inFault++;
	}

	public void exitFault() {
		inFault--;
	}

	/** file pages go to the file lists; anon and shmem (swap-backed) to the anon lists. */
	static boolean isFileLru(Pages pages) {
		return !pages.isSwapBacked();
	}

	/** The list page {@code index} of {@code pages} is on, or null. */
	public LruList listOf(Pages pages, long index) {
		if (pages.lruSeq.get(index) == 0) {
			return null;
		}
		return LruList.of(isFileLru(pages), pages.testFlag(index, Pages.PG_ACTIVE));
	}

	/** {@code folio_add_lru()}: pages [from, to), on no list now, join the head of a list. */
	public void add(Pages pages, long from, long to, boolean active) {
		if (from >= to) {
			return;
		}
		if (gen != null) {
			gen.add(pages, from, to, active || inFault > 0, false, false);
			return;
		}
		LruList list = LruList.of(isFileLru(pages), active);
		if (lists[list.ordinal()].add(pages, from, to, nextSeq, false) == nextSeq) {
			nextSeq++;
		}
		if (active) {
			pages.setFlags(from, to, Pages.PG_ACTIVE | Pages.PG_LRU);
		} else {
			pages.flags.setBits(from, to, Pages.PG_ACTIVE | Pages.PG_LRU, Pages.PG_LRU, null);
		}
		vmstat.mod(list.stat, to - from);
	}

	/** {@code lruvec_del_folio()} for pages on their way back to the allocator. */
	public void removeFreed(Pages pages, long from, long to) {
		remove(pages, from, to);
	}

	/**
	 * {@code lruvec_del_folio()}: every page of [from, to) leaves whatever list it is on.
	 * PG_lru and PG_active are only read: every caller adds the pages to a list again, which sets
	 * them, or frees them, and their flags go with them ({@link Pages#remove}).
	 */
	private void remove(Pages pages, long from, long to) {
		if (gen != null) {
			gen.remove(pages, from, to);
			return;
		}
		long lru = Pages.PG_LRU | Pages.PG_ACTIVE;
		long removedInactive = pages.flags.countMasked(from, to, lru, Pages.PG_LRU);
		long removedActive = pages.flags.countMasked(from, to, lru, lru);
		boolean file = isFileLru(pages);
		vmstat.mod(LruList.of(file, false).stat, -removedInactive);
		vmstat.mod(LruList.of(file, true).stat, -removedActive);
		pages.lruSeq.set(from, to, 0);
	}

	/**
	 * {@code folio_mark_accessed()}: the first access sets PG_referenced; an access to a
	 * referenced inactive page moves it to the head of the active list. The multi-generational
	 * LRU only counts the access ({@code folio_inc_refs()}): it moves no page.
	 */
	public void markAccessed(Pages pages, long from, long to) {
		if (gen != null) {
			pages.flags.update(from, to, v -> (v & Pages.PG_LRU) != 0 ? v | Pages.PG_REFERENCED : v);
			return;
		}
		promoteCount = 0;
		pages.flags.setBits(from, to, Pages.PG_REFERENCED, Pages.PG_REFERENCED, collectPromotions);
		if (promoteCount == 0) {
			return; // the usual case, a first access: nothing moves
		}
		long[] runs = java.util.Arrays.copyOf(promote, promoteCount);
		for (int i = 0; i < runs.length; i += 2) {
			remove(pages, runs[i], runs[i + 1]);
			add(pages, runs[i], runs[i + 1], true);
			pages.clearFlags(runs[i], runs[i + 1], Pages.PG_REFERENCED);
		}
	}

	/** Runs markAccessed() found referenced before, as start, end pairs; reused across calls. */
	private long[] promote = new long[16];
	private int promoteCount;
	private final RangeMap.RunVisitor collectPromotions = (s, e, f) -> {
		if ((f & (Pages.PG_LRU | Pages.PG_REFERENCED | Pages.PG_ACTIVE)) == (Pages.PG_LRU | Pages.PG_REFERENCED)) {
			if (promoteCount + 2 > promote.length) {
				promote = java.util.Arrays.copyOf(promote, promote.length * 2);
			}
			promote[promoteCount++] = s;
			promote[promoteCount++] = e;
		}
	};

	/** Pages on a list. */
	public long size(LruList list) {
		return vmstat.get(list.stat);
	}

	/**
	 * Up to {@code max} pages from the tail (oldest end) of a list, as runs, oldest first. They
	 * stay on the list: the caller removes or rotates every page it is given.
	 */
	public List<Entry> tail(LruList list, long max) {
		List<Entry> out = new ArrayList<>();
		lists[list.ordinal()].oldest(max, out);
		return out;
	}

	/**
	 * {@code folio_activate()}: pages [from, to) on a list move to the head of the active list,
	 * or the youngest generation.
	 */
	public void activate(Pages pages, long from, long to) {
		if (gen != null) {
			gen.promoteOnLru(pages, from, to);
			return;
		}
		for (long s = from; s < to;) {
			long e = Math.min(to, pages.lruSeq.nextChange(s));
			if (pages.lruSeq.get(s) != 0) { // only pages on a list move
				remove(pages, s, e);
				add(pages, s, e, true);
				pages.clearFlags(s, e, Pages.PG_REFERENCED);
			}
			s = e;
		}
	}

	/**
	 * {@code lru_move_tail()}: pages [from, to) leave whatever list they are on for the tail of
	 * the inactive list, or of the oldest generation, where reclaim looks next.
	 */
	public void rotateToTail(Pages pages, long from, long to) {
		remove(pages, from, to);
		if (gen != null) {
			gen.add(pages, from, to, false, true, true);
			return;
		}
		LruList list = LruList.of(isFileLru(pages), false);
		lists[list.ordinal()].add(pages, from, to, nextSeq++, true);
		pages.flags.setBits(from, to, Pages.PG_ACTIVE | Pages.PG_LRU, Pages.PG_LRU, null);
		vmstat.mod(list.stat, to - from);
	}

	/**
	 * Moves pages [from, to) to the head of the list they belong on now (a rotation); for the
	 * multi-generational LRU, reclaim putting pages back: the youngest generation if active,
	 * else the oldest.
	 */
	public void rotate(Pages pages, long from, long to, boolean active) {
		remove(pages, from, to);
		if (gen != null) {
			gen.add(pages, from, to, active, true, false);
			return;
		}
		add(pages, from, to, active);
	}
}
