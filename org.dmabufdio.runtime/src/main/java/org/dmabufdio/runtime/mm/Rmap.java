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
}
