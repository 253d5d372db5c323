package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.dmabufdio.runtime.mm.Lru.Entry;
import org.dmabufdio.runtime.mm.Lru.LruList;
import org.dmabufdio.runtime.util.RangeMap;

/**
 * The multi-generational LRU (CONFIG_LRU_GEN: mm/vmscan.c, include/linux/mm_inline.h): pages of
 * each type (anonymous, file) sit in generations numbered min_seq..max_seq; eviction takes from
 * the oldest, aging opens a new youngest one and promotes there every page whose pte was
 * accessed, found by walking the page tables ({@code walk_mm()}). Pages faulted in start in the
 * youngest generation, pages read through a file descriptor in an old one, so a streaming
 * read() evicts itself while mapped memory in use is kept. Tiers (protection of pages read
 * several times through a descriptor) only act on refault feedback, which is not modelled.
 *
 * <p>As in {@link Lru}, each generation is a queue of runs of pages of one owner; a page's
 * {@code lruSeq} names its run, and the run's generation is kept in its low bits.
 */
public final class LruGen {

	/** MIN_NR_GENS: eviction needs two generations to choose from. */
	static final int MIN_NR_GENS = 2;
	/** MAX_NR_GENS. */
	static final int MAX_NR_GENS = 4;
	static final int ANON = 0;
	static final int FILE = 1;

	private final Vmstat vmstat;
	/** lists[type][gen]: the generation's runs, youngest first. */
	private final LruRuns[][] lists = new LruRuns[2][MAX_NR_GENS];
	/** nr_pages[type][gen]. */
	private final long[][] nrPages = new long[2][MAX_NR_GENS];
	/** lrugen->max_seq: shared by both types (lru_gen_init_lruvec() starts it at MIN_NR_GENS + 1). */
	private long maxSeq = MIN_NR_GENS + 1;
	/** lrugen->min_seq[type]. */
	private final long[] minSeq = new long[2];
	/** Run numbers; a page's lruSeq is (run << 2) | generation. */
	private long nextRun = 1;
	/** The address spaces aging walks ({@code lru_gen_mm_list}). */
	private Supplier<Iterable<MmStruct>> mms = List::of;

	LruGen(Vmstat vmstat) {
		this.vmstat = vmstat;
		for (int t = 0; t < 2; t++) {
			for (int g = 0; g < MAX_NR_GENS; g++) {
				lists[t][g] = new LruRuns();
			}
		}
	}

	/** The processes whose page tables aging walks. */
	public void setMmList(Supplier<Iterable<MmStruct>> mms) {
		this.mms = mms;
	}

	private static int type(Pages pages) {
		return Lru.isFileLru(pages) ? FILE : ANON;
	}

	private static int gen(long seq) {
		return (int) (seq % MAX_NR_GENS);
	}

	/** {@code lru_gen_is_active()}: the two youngest generations count as the active list. */
	private boolean isActive(int gen) {
		return gen == gen(maxSeq) || gen == gen(maxSeq - 1);
	}

	private void account(int type, int gen, long delta) {
		nrPages[type][gen] += delta;
		vmstat.mod(LruList.of(type == FILE, isActive(gen)).stat, delta);
	}

	/**
	 * {@code lru_gen_add_folio()}: pages [from, to) join the head of a generation: the youngest if
	 * active (faulted in, or activated), the second youngest for anonymous pages, else the
	 * oldest ({@code reclaiming}: put back by reclaim, or when only two generations are left)
	 * or the second oldest. {@code tail} adds at the old end, as {@code lru_move_tail()} does.
	 */
	void add(Pages pages, long from, long to, boolean active, boolean reclaiming, boolean tail) {
		int type = type(pages);
		long seq;
		if (active) {
			seq = maxSeq;
		} else if (type == ANON) {
			seq = maxSeq - 1;
		} else if (reclaiming || minSeq[type] + MIN_NR_GENS >= maxSeq) {
			seq = minSeq[type];
		} else {
			seq = minSeq[type] + 1;
		}
		place(pages, from, to, gen(seq), tail);
	}

	private void place(Pages pages, long from, long to, int gen, boolean tail) {
		if (from >= to) {
			return;
		}
		int type = type(pages);
		long id = (nextRun << 2) | gen;
		if (lists[type][gen].add(pages, from, to, id, tail) == id) {
			nextRun++;
		}
		pages.flags.setBits(from, to, Pages.PG_ACTIVE | Pages.PG_LRU, Pages.PG_LRU | (isActive(gen) ? Pages.PG_ACTIVE : 0), null);
		account(type, gen, to - from);
	}

	/**
	 * {@code lru_gen_del_folio()}: every page of [from, to) leaves its generation. PG_lru and
	 * PG_active are left as they are: the caller places the pages again or frees them.
	 */
	void remove(Pages pages, long from, long to) {
		int type = type(pages);
		pages.lruSeq.forEach(from, to, countByGen);
		for (int g = 0; g < MAX_NR_GENS; g++) {
			if (removedByGen[g] != 0) {
				account(type, g, -removedByGen[g]);
				removedByGen[g] = 0;
			}
		}
		pages.lruSeq.set(from, to, 0);
	}

	/** What remove() found on each generation; a visitor made once, not per call. */
	private final long[] removedByGen = new long[MAX_NR_GENS];
	private final RangeMap.RunVisitor countByGen = (s, e, id) -> {
		if (id != 0) {
			removedByGen[(int) (id & 3)] += e - s;
		}
	};

	/** Moves pages [from, to), on a generation now, to the youngest ({@code folio_update_gen()}). */
	void promote(Pages pages, long from, long to) {
		remove(pages, from, to);
		place(pages, from, to, gen(maxSeq), false);
	}

	/** Moves pages [from, to) to the head of the second oldest generation ({@code folio_inc_gen()}). */
	void incGen(Pages pages, long from, long to) {
		int type = type(pages);
		remove(pages, from, to);
		place(pages, from, to, gen(Math.min(maxSeq, minSeq[type] + 1)), false);
	}

	/**
	 * Up to {@code max} pages from the old end of the oldest generation of {@code type}, as runs,
	 * oldest first; they stay where they are until the caller moves or frees them. Empty when the
	 * oldest generation is empty.
	 */
	List<Entry> oldest(int type, long max) {
		List<Entry> out = new ArrayList<>();
		lists[type][gen(minSeq[type])].oldest(max, out);
		return out;
	}

	long nrPages(int type) {
		long n = 0;
		for (int g = 0; g < MAX_NR_GENS; g++) {
			n += nrPages[type][g];
		}
		return n;
	}

	/**
	 * {@code should_run_aging()}: with only MIN_NR_GENS generations left eviction must wait for
	 * aging; with MIN_NR_GENS + 1, aging runs when the youngest holds more than half the pages or
	 * the oldest less than a quarter.
	 */
	boolean shouldRunAging(int type) {
		if (minSeq[type] + MIN_NR_GENS > maxSeq) {
			return true;
		}
		if (minSeq[type] + MIN_NR_GENS < maxSeq) {
			return false;
		}
		long total = nrPages(type);
		long young = nrPages[type][gen(maxSeq)];
		long old = nrPages[type][gen(minSeq[type])];
		return young * MIN_NR_GENS > total || old * (MIN_NR_GENS + 2) < total;
	}

	/**
	 * {@code try_to_inc_min_seq()}: the oldest generation of {@code type} is empty, so the next
	 * one becomes the oldest, unless only MIN_NR_GENS would be left. Returns true if it moved.
	 */
	boolean tryToIncMinSeq(int type) {
		if (nrPages[type][gen(minSeq[type])] != 0 || minSeq[type] + MIN_NR_GENS > maxSeq) {
			return false;
		}
		lists[type][gen(minSeq[type])].clear();
		minSeq[type]++;
		return true;
	}

	/**
	 * {@code inc_max_seq()} after {@code walk_mm()}: every page a process's pte maps and has
	 * accessed since the last look is promoted to a new youngest generation, its accessed bit
	 * cleared; vmas of special mappings ({@code VM_IO}, {@code VM_PFNMAP}, {@code VM_MIXEDMAP})
	 * are skipped, and anonymous ones without swap. A type already at MAX_NR_GENS first has its
	 * oldest generation folded into the next ({@code inc_min_seq()}). Returns the pages promoted.
	 */
	long incMaxSeq(boolean canSwap) {
		for (int t = 0; t < 2; t++) {
			if (maxSeq - minSeq[t] + 1 >= MAX_NR_GENS) {
				incMinSeq(t);
			}
		}
		// the generation about to stop being one of the two youngest leaves the active list
		int leaving = gen(maxSeq - 1);
		maxSeq++;
		for (int t = 0; t < 2; t++) {
			long n = nrPages[t][leaving];
			vmstat.mod(LruList.of(t == FILE, true).stat, -n);
			vmstat.mod(LruList.of(t == FILE, false).stat, n);
			lists[t][leaving].forEachLive((owner, s, e) -> owner.clearFlags(s, e, Pages.PG_ACTIVE));
		}
		return walkMm(canSwap);
	}

	/** {@code inc_min_seq()}: the oldest generation's pages go to the old end of the next one. */
	private void incMinSeq(int type) {
		int from = gen(minSeq[type]);
		int to = gen(minSeq[type] + 1);
		List<long[]> runs = new ArrayList<>();
		List<Pages> owners = new ArrayList<>();
		lists[type][from].forEachLive((owner, s, e) -> {
			runs.add(new long[] { s, e });
			owners.add(owner);
		});
		// oldest first, each to the tail of the next generation, so the order is kept
		for (int i = runs.size() - 1; i >= 0; i--) {
			Pages p = owners.get(i);
			remove(p, runs.get(i)[0], runs.get(i)[1]);
			place(p, runs.get(i)[0], runs.get(i)[1], to, true);
		}
		lists[type][from].clear();
		minSeq[type]++;
	}

	/** {@code walk_mm()} over every address space: promotes pages with young ptes. */
	private long walkMm(boolean canSwap) {
		long promoted = 0;
		for (MmStruct mm : mms.get()) {
			for (Vma vma : mm.vmas()) {
				if (vma.hasFlag(VmFlags.VM_IO | VmFlags.VM_PFNMAP | VmFlags.VM_MIXEDMAP) || vma.backing == null && !canSwap
						|| vma.backing != null && vma.backing.kind == Pages.Kind.DMABUF) {
					continue; // should_skip_vma()
				}
				promoted += walkPteRange(vma);
			}
		}
		return promoted;
	}

	/** {@code walk_pte_range()} for a file vma: young ptes mapping the vma's pages. */
	private long walkPteRange(Vma vma) {
		if (vma.backing == null) {
			return 0; // anonymous pages keep their generation: without swap they are not reclaimed
		}
		List<long[]> young = new ArrayList<>();
		vma.ptes.forEach(vma.start, vma.end, (s, e, pte) -> {
			if (Pte.present(pte) && !Pte.special(pte) && !Pte.anon(pte) && (Pte.young(pte) || vma.alwaysReferenced)) {
				young.add(new long[] { s, e, pte });
			}
		});
		long promoted = 0;
		for (long[] r : young) {
			if (!vma.alwaysReferenced) {
				vma.ptes.set(r[0], r[1], Pte.mkold(r[2]));
			}
			long from = vma.backingIndex(r[0]);
			long to = from + (r[1] - r[0]);
			promoted += promoteOnLru(vma.backing, from, to);
		}
		return promoted;
	}

	/** Promotes the pages of [from, to) that are on a generation; returns how many. */
	long promoteOnLru(Pages pages, long from, long to) {
		List<long[]> on = new ArrayList<>();
		pages.lruSeq.forEach(from, to, (s, e, id) -> {
			if (id != 0 && (id & 3) != gen(maxSeq)) {
				on.add(new long[] { s, e });
			}
		});
		long n = 0;
		for (long[] r : on) {
			promote(pages, r[0], r[1]);
			n += r[1] - r[0];
		}
		return n;
	}
}
