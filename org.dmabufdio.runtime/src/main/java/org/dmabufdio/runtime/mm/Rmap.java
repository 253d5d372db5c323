package org.dmabufdio.runtime.mm;

import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.Kernel;

/**
 * Reverse-map bookkeeping (mm/rmap.c): per-page mapcounts and the global NR_FILE_MAPPED /
 * NR_ANON_MAPPED counters, which move only when a page's mapcount leaves or reaches zero.
 */
public final class Rmap {

	private final Kernel k;

	public Rmap(Kernel k) {
		this.k = k;
	}

	/**
	 * {@code folio_add_file_rmap_ptes()} → {@code __folio_add_file_rmap()}: one more mapping of
	 * pages [from, to) of a file-like owner; pages mapped for the first time count in
	 * NR_FILE_MAPPED, unless the seed's patch 2 skips it for a VM_DMABUF_DIO vma.
	 */
	public void folioAddFileRmapPtes(Pages pages, long from, long to, Vma vma) {
		long first = pages.mapcount.count(from, to, v -> v == 0);
		pages.mapcount.add(from, to, 1);
		if (pages.kind == Pages.Kind.DMABUF) {
			k.findings.report(Hazard.DMABUF_ON_LRU_OR_RMAP, "folio_add_file_rmap_ptes", pages.name,
					pages.name + ": exporter-owned pages given a file rmap by " + vma.mm.owner);
		}
		if (first > 0 && !k.vmDmabufDio(vma)) {
			k.vmstat.mod(NodeStat.NR_FILE_MAPPED, first);
		}
	}

	/** {@code folio_dup_file_rmap_ptes()} (fork): the child's mapping; no counter moves. */
	public void folioDupFileRmapPtes(Pages pages, long from, long to) {
		pages.mapcount.add(from, to, 1);
	}

	/** {@code folio_add_new_anon_rmap()}: fresh anonymous pages, mapped once. */
	public void folioAddNewAnonRmap(Pages pages, long from, long to) {
		pages.mapcount.set(from, to, 1);
		k.vmstat.mod(NodeStat.NR_ANON_MAPPED, to - from);
	}

	/** {@code folio_try_dup_anon_rmap_ptes()} (fork) for pages that may be shared. */
	public void folioDupAnonRmapPtes(Pages pages, long from, long to) {
		pages.mapcount.add(from, to, 1);
	}

	/**
	 * {@code folio_remove_rmap_ptes()} → {@code __folio_remove_rmap()}: one mapping less; pages
	 * no longer mapped leave NR_ANON_MAPPED or NR_FILE_MAPPED (the latter guarded by patch 2).
	 * Returns how many pages became unmapped.
	 */
	public long folioRemoveRmapPtes(Pages pages, long from, long to, Vma vma) {
		long last = pages.mapcount.count(from, to, v -> v == 1);
		pages.mapcount.add(from, to, -1);
		if (last > 0) {
			if (pages.kind == Pages.Kind.ANON) {
				k.vmstat.mod(NodeStat.NR_ANON_MAPPED, -last);
			} else if (!k.vmDmabufDio(vma)) {
				k.vmstat.mod(NodeStat.NR_FILE_MAPPED, -last);
			}
		}
		return last;
	}

	/** The vmas whose ptes may map pages of {@code pages}: i_mmap, or the anon_vma's. */
	java.util.List<Vma> mappers(Pages pages) {
		if (pages.kind == Pages.Kind.ANON) {
			AnonVma owner = k.anonVmas.ownerOf(pages);
			return owner == null ? java.util.List.of() : owner.mappers;
		}
		return pages.mappers;
	}

	/** The vpn of page {@code index} of {@code pages} in {@code vma} (anon pages keep theirs). */
	static long vpnOf(Vma vma, Pages pages, long index) {
		return pages.kind == Pages.Kind.ANON ? index : vma.start + (index - vma.pgoff);
	}

	/** True if a pte maps a page of {@code pages} (and not a COW copy or a pfn). */
	private boolean maps(long pte, Pages pages) {
		if (!Pte.present(pte) || Pte.special(pte)) {
			return false;
		}
		if (pages.kind == Pages.Kind.ANON) {
			return Pte.anon(pte) && k.anonVmas.get(Pte.sourceId(pte)).pages == pages;
		}
		return !Pte.anon(pte);
	}

	/**
	 * {@code folio_referenced()}: for each page of [from, to), how many ptes mapping it were
	 * accessed since the last look, clearing their accessed bits ({@code ptep_clear_flush_young}).
	 * Memory a workload touches continuously is found accessed every time.
	 */
	org.dmabufdio.runtime.util.RangeMap folioReferenced(Pages pages, long from, long to) {
		org.dmabufdio.runtime.util.RangeMap young = new org.dmabufdio.runtime.util.RangeMap(0);
		for (Vma vma : mappers(pages)) {
			long vs = Math.max(vma.start, vpnOf(vma, pages, from));
			long ve = Math.min(vma.end, vpnOf(vma, pages, to));
			if (vs >= ve) {
				continue;
			}
			long delta = vpnOf(vma, pages, 0);
			java.util.List<long[]> runs = new java.util.ArrayList<>();
			vma.ptes.forEach(vs, ve, (s, e, pte) -> {
				if (maps(pte, pages) && (Pte.young(pte) || vma.alwaysReferenced)) {
					runs.add(new long[] { s, e, pte });
				}
			});
			for (long[] r : runs) {
				young.add(r[0] - delta, r[1] - delta, 1);
				if (!vma.alwaysReferenced) {
					vma.ptes.set(r[0], r[1], Pte.mkold(r[2]));
				}
			}
		}
		return young;
	}

	/**
	 * {@code try_to_unmap()} of file-backed pages [from, to): every pte mapping them is zapped,
	 * carrying its dirty bit to the page, so the page can leave the page cache.
	 */
	public void tryToUnmap(Pages pages, long from, long to) {
		for (Vma vma : new java.util.ArrayList<>(mappers(pages))) {
			long vs = Math.max(vma.start, vpnOf(vma, pages, from));
			long ve = Math.min(vma.end, vpnOf(vma, pages, to));
			if (vs < ve) {
				k.memory.zapBackingPtes(vma, vs, ve);
			}
		}
	}
}
