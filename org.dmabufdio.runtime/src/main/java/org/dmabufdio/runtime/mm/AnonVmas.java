package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.time.Cost;

/**
 * The kernel's anonymous page owners (mm/rmap.c anon_vma_prepare(), mm/swapfile.c) and the
 * life of anonymous pages: allocation, freeing when the last mapping and pin are gone, and
 * swap-out to and swap-in from a {@link Swap}.
 */
public final class AnonVmas implements Reclaimable {

	private final Kernel k;
	private final List<AnonVma> all = new ArrayList<>();
	private final java.util.Map<Pages, AnonVma> byPages = new java.util.IdentityHashMap<>();

	public AnonVmas(Kernel k) {
		this.k = k;
		all.add(null); // id 0 means "no anon owner" in a pte
	}

	public AnonVma get(int id) {
		return all.get(id);
	}

	/** {@code anon_vma_prepare()}: the vma's anon_vma, created on first need. */
	public AnonVma prepare(Vma vma) {
		if (vma.anonVma == null) {
			AnonVma anon = new AnonVma(all.size(), "anon:" + vma.mm.owner + "@" + Long.toHexString(vma.start << 12));
			anon.pages.setReclaimOwner(this);
			anon.pages.setOnUnpin((pages, from, to) -> freeUnmapped(anon, from, to));
			all.add(anon);
			byPages.put(anon.pages, anon);
			anon.mappers.add(vma);
			vma.anonVma = anon;
		}
		return vma.anonVma;
	}

	/**
	 * Allocates zeroed pages for vpns [vpn, vpn + n) of an anon owner, as many as memory allows,
	 * and makes them resident; returns how many it got.
	 */
	long allocate(AnonVma owner, long vpn, long n) {
		long[] next = { vpn };
		long got = k.pageAlloc.allocPagesBulk(Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_ZERO, n, (pfn, count) -> {
			owner.pages.install(next[0], count, pfn);
			next[0] += count;
		});
		k.costs.charge(Cost.ALLOC_ORDER0_NS, got);
		k.costs.charge(Cost.PAGE_ZERO_NS, got);
		return got;
	}

	/**
	 * Frees the pages of [from, to) that no pte maps and no pin holds any more
	 * ({@code folio_put()} dropping the last reference).
	 */
	public void freeUnmapped(AnonVma owner, long from, long to) {
		Pages pages = owner.pages;
		List<long[]> free = new ArrayList<>();
		pages.mapcount.forEach(from, to, (s, e, maps) -> {
			if (maps == 0) {
				pages.pincount.forEach(s, e, (s2, e2, pins) -> {
					if (pins == 0) {
						free.add(new long[] { s2, e2 });
					}
				});
			}
		});
		for (long[] r : free) {
			freeResident(pages, r[0], r[1]);
		}
	}

	private void freeResident(Pages pages, long from, long to) {
		k.lru.removeFreed(pages, from, to);
		pages.forEachResident(from, to, (s, e, pfn) -> k.pageAlloc.freePages(pfn, e - s));
		pages.remove(from, to);
	}

	/** The anon_vma owning {@code pages}, or null. */
	public AnonVma ownerOf(Pages pages) {
		return byPages.get(pages);
	}

	/**
	 * The CPU referenced [addr, addr + len) of a process: {@code folio_mark_accessed()} on the
	 * anonymous pages mapped there (what reclaim's young-bit check would find).
	 */
	public void markAccessed(MmStruct mm, long addr, long len) {
		long from = addr >>> 12;
		long to = (addr + len + 4095) >>> 12;
		for (Vma vma : mm.vmasIn(from, to)) {
			List<long[]> runs = new ArrayList<>();
			vma.ptes.forEach(Math.max(from, vma.start), Math.min(to, vma.end), (s, e, pte) -> {
				if (Pte.present(pte) && Pte.anon(pte)) {
					runs.add(new long[] { s, e, Pte.sourceId(pte) });
				}
			});
			for (long[] r : runs) {
				k.lru.markAccessed(get((int) r[2]).pages, r[0], r[1]);
			}
		}
	}

	/** {@code swap_duplicate()} for a fork copying swap entries. */
	void swapDuplicate(long pte, long vpn, long n) {
		// a swap slot is shared between parent and child; the slot count is unchanged
	}

	/** {@code free_swap_and_cache()} when the last swap pte of a slot goes away. */
	void swapFree(long pte, long vpn, long n) {
		AnonVma owner = get(Pte.sourceId(pte));
		long stillMapped = 0;
		for (Vma v : owner.mappers) {
			stillMapped += v.ptes.count(vpn, vpn + n, x -> Pte.swap(x) && Pte.sourceId(x) == owner.id);
		}
		// the pte being zapped is still counted; free slots nobody else references
		long exclusive = n - Math.max(0, stillMapped - n);
		if (k.swap() != null && exclusive > 0) {
			k.swap().free(exclusive);
		}
	}

	/**
	 * {@code do_swap_page()}: brings swapped pages back (a major fault), re-mapped in this vma.
	 */
	long doSwapPage(Vma vma, long vpn, long n, long pte) {
		AnonVma owner = get(Pte.sourceId(pte));
		long got = allocate(owner, vpn, n);
		k.vmstat.count(VmEvent.PGMAJFAULT, got);
		k.vmstat.count(VmEvent.PSWPIN, got);
		if (k.swap() != null) {
			if (k.swap().isZram()) {
				k.costs.charge(Cost.ZRAM_DECOMPRESS_NS, got);
			}
			k.swap().free(got);
		}
		k.rmap.folioAddNewAnonRmap(owner.pages, vpn, vpn + got);
		k.lru.add(owner.pages, vpn, vpn + got, false);
		vma.mm.addMmCounter(MmStruct.MM_SWAPENTS, -got);
		vma.mm.addMmCounter(MmStruct.MM_ANONPAGES, got);
		vma.ptes.set(vpn, vpn + got, Pte.anonPte(owner.id, Pte.PRESENT | Pte.YOUNG));
		return got < n ? Memory.enomem() : 0;
	}

	/**
	 * Swap-out ({@code shrink_folio_list()} → {@code try_to_unmap()} → {@code pageout()}): each
	 * mapping's pte becomes a swap entry, the page is freed, a slot is used.
	 */
	@Override
	public long reclaim(Pages pages, long from, long to) {
		AnonVma owner = ownerOf(pages);
		Swap swap = k.swap();
		if (owner == null || swap == null) {
			return 0;
		}
		long resident = pages.residentPages(from, to);
		long reserved = swap.reserve(resident);
		if (reserved < resident) {
			swap.free(reserved); // all or nothing: zram could not take the run
			return 0;
		}
		for (Vma vma : owner.mappers) {
			List<long[]> runs = new ArrayList<>();
			vma.ptes.forEach(Math.max(from, vma.start), Math.min(to, vma.end), (s, e, p) -> {
				if (Pte.present(p) && Pte.anon(p) && Pte.sourceId(p) == owner.id) {
					runs.add(new long[] { s, e, p });
				}
			});
			for (long[] r : runs) {
				vma.ptes.set(r[0], r[1], Pte.anonPte(owner.id, Pte.SWAP));
				vma.mm.addMmCounter(MmStruct.MM_ANONPAGES, -(r[1] - r[0]));
				vma.mm.addMmCounter(MmStruct.MM_SWAPENTS, r[1] - r[0]);
				k.rmap.folioRemoveRmapPtes(pages, r[0], r[1], vma);
			}
		}
		k.vmstat.count(VmEvent.PSWPOUT, resident);
		freeResident(pages, from, to);
		return resident;
	}
}
