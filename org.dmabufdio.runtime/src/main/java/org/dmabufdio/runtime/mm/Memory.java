package org.dmabufdio.runtime.mm;

import static org.dmabufdio.runtime.kernel.Errno.EBUSY;
import static org.dmabufdio.runtime.kernel.Errno.EFAULT;
import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.dmabufdio.runtime.kernel.Errno.ENOMEM;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.time.Cost;

/**
 * Page table population, copy and teardown, and the fault handlers (mm/memory.c). Every
 * function works on a run of pages at once, with the per-page effect the kernel's loop has.
 */
public final class Memory {

	private final Kernel k;

	public Memory(Kernel k) {
		this.k = k;
	}

	/** {@code mm_counter_file()}: swap-backed (shmem) folios count as MM_SHMEMPAGES. */
	static int mmCounterFile(Pages pages) {
		return pages.kind == Pages.Kind.SHMEM ? MmStruct.MM_SHMEMPAGES : MmStruct.MM_FILEPAGES;
	}

	/** {@code mm_counter()}. */
	static int mmCounter(Pages pages) {
		return pages.kind == Pages.Kind.ANON ? MmStruct.MM_ANONPAGES : mmCounterFile(pages);
	}

	/** The pte protection bits a new mapping gets from vm_page_prot. */
	static long protBits(Vma vma) {
		boolean writable = vma.hasFlag(VmFlags.VM_WRITE) && vma.hasFlag(VmFlags.VM_SHARED);
		return Pte.PRESENT | Pte.YOUNG | (writable ? Pte.WRITE : 0);
	}

	/**
	 * {@code vm_insert_page()} for the backing pages of [vpn, vpn + n): sets VM_MIXEDMAP (a
	 * VM_PFNMAP vma is a kernel BUG), then per page {@code insert_page_into_pte_locked()}: a
	 * page reference, MM_FILEPAGES (skipped for VM_DMABUF_DIO by the seed's patch 2), a file
	 * rmap and a normal pte. Returns 0 or -errno.
	 */
	public long vmInsertPages(Vma vma, long vpn, long n) {
		if (vpn < vma.start || vpn + n > vma.end) {
			return -EFAULT;
		}
		if (!vma.hasFlag(VmFlags.VM_MIXEDMAP)) {
			if (vma.hasFlag(VmFlags.VM_PFNMAP)) {
				k.findings.report(Hazard.KERNEL_BUG, "vm_insert_page", vma.toString(),
						"BUG_ON(vma->vm_flags & VM_PFNMAP) for " + vma);
				return -EINVAL;
			}
			vma.setFlags(VmFlags.VM_MIXEDMAP);
		}
		if (vma.ptes.count(vpn, vpn + n, v -> v != Pte.NONE) > 0) {
			return -EBUSY; // insert_page_into_pte_locked(): !pte_none()
		}
		Pages pages = vma.backing;
		long from = vma.backingIndex(vpn);
		if (!k.vmDmabufDio(vma)) {
			vma.mm.addMmCounter(mmCounterFile(pages), n);
			reportDmabufRss(pages, vma, "insert_page_into_pte_locked");
		}
		k.rmap.folioAddFileRmapPtes(pages, from, from + n, vma);
		vma.ptes.set(vpn, vpn + n, protBits(vma));
		k.costs.charge(Cost.PTE_INSERT_NS, n);
		return 0;
	}

	/**
	 * {@code remap_pfn_range()} of the backing pages of [vpn, vpn + n): a COW mapping must be
	 * remapped whole in one call ({@code -EINVAL} otherwise); sets VM_IO | VM_PFNMAP |
	 * VM_DONTEXPAND | VM_DONTDUMP and writes special ptes: no reference, rmap or RSS.
	 */
	public long remapPfnRange(Vma vma, long vpn, long n) {
		if (VmFlags.isCowMapping(vma.flags) && (vpn != vma.start || vpn + n != vma.end)) {
			return -EINVAL;
		}
		vma.setFlags(VmFlags.VM_IO | VmFlags.VM_PFNMAP | VmFlags.VM_DONTEXPAND | VmFlags.VM_DONTDUMP);
		vma.ptes.set(vpn, vpn + n, protBits(vma) | Pte.SPECIAL);
		k.costs.charge(Cost.PTE_INSERT_NS, n);
		return 0;
	}

	/** {@code vmf_insert_pfn()}: a special pte from a fault handler (VM_PFNMAP vmas). */
	public long vmfInsertPfn(Vma vma, long vpn, long n) {
		vma.ptes.set(vpn, vpn + n, protBits(vma) | Pte.SPECIAL);
		k.costs.charge(Cost.PTE_INSERT_NS, n);
		return 0;
	}

	/**
	 * {@code finish_fault()} → {@code set_pte_range()}: maps backing pages just faulted in
	 * (page cache, shmem) with normal ptes and their file counters.
	 */
	public void setPteRange(Vma vma, long vpn, long n, boolean write) {
		Pages pages = vma.backing;
		long from = vma.backingIndex(vpn);
		vma.mm.addMmCounter(mmCounterFile(pages), n);
		k.rmap.folioAddFileRmapPtes(pages, from, from + n, vma);
		long bits = protBits(vma) | (write && vma.hasFlag(VmFlags.VM_SHARED) ? Pte.DIRTY : 0);
		vma.ptes.set(vpn, vpn + n, bits);
		k.costs.charge(Cost.PTE_INSERT_NS, n);
	}

	private void reportDmabufRss(Pages pages, Vma vma, String function) {
		if (pages.kind == Pages.Kind.DMABUF) {
			k.findings.report(Hazard.DMABUF_IN_RSS, function, pages.name + "/" + vma.mm.owner,
					pages.name + ": exporter-owned pages counted in the RSS of " + vma.mm.owner);
		}
	}

	/**
	 * {@code vma_needs_copy()}: fork copies page tables only where a fault could not rebuild
	 * them: VM_PFNMAP or VM_MIXEDMAP mappings and vmas with anonymous pages.
	 */
	public static boolean vmaNeedsCopy(Vma dst, Vma src) {
		if (src.hasFlag(VmFlags.VM_HUGETLB | VmFlags.VM_PFNMAP | VmFlags.VM_MIXEDMAP)) {
			return true;
		}
		return src.anonVma != null;
	}

	/**
	 * {@code copy_page_range()} → {@code copy_pte_range()}: the child's page table for one vma,
	 * run by run. Special ptes are copied bare; normal pages go through
	 * {@link #copyPresentPtes}; swap entries are duplicated.
	 */
	public long copyPageRange(Vma dst, Vma src) {
		if (!vmaNeedsCopy(dst, src)) {
			return 0;
		}
		List<long[]> runs = new ArrayList<>();
		src.ptes.forEach(src.start, src.end, (s, e, pte) -> {
			if (pte != Pte.NONE) {
				runs.add(new long[] { s, e, pte });
			}
		});
		for (long[] r : runs) {
			long ret = copyPresentPtes(dst, src, r[0], r[1] - r[0], r[2]);
			if (ret < 0) {
				return ret;
			}
		}
		return 0;
	}

	/**
	 * {@code copy_present_ptes()} / {@code copy_nonpresent_pte()} for a run of equal ptes:
	 * file pages get a duplicated rmap and count in the child's RSS (skipped for VM_DMABUF_DIO
	 * by patch 2); anonymous pages are shared and write-protected in both, unless they may be
	 * DMA-pinned, in which case the child gets its own copy now ({@code copy_present_page()}).
	 */
	long copyPresentPtes(Vma dst, Vma src, long vpn, long n, long pte) {
		if (Pte.swap(pte)) {
			k.anonVmas.swapDuplicate(pte, vpn, n);
			dst.mm.addMmCounter(MmStruct.MM_SWAPENTS, n);
			dst.ptes.set(vpn, vpn + n, pte);
			return 0;
		}
		boolean cow = VmFlags.isCowMapping(src.flags) && Pte.write(pte);
		long childPte = pte;
		if (cow) {
			src.ptes.set(vpn, vpn + n, Pte.wrprotect(pte));
			childPte = Pte.wrprotect(childPte);
		}
		if (src.hasFlag(VmFlags.VM_SHARED)) {
			childPte = Pte.mkclean(childPte);
		}
		childPte = Pte.mkold(childPte);
		k.costs.charge(Cost.PTE_INSERT_NS, n);
		if (Pte.special(pte)) {
			dst.ptes.set(vpn, vpn + n, childPte); // vm_normal_page() == NULL: no page to account
			return 0;
		}
		if (Pte.anon(pte)) {
			return copyAnonPtes(dst, src, vpn, n, pte, childPte);
		}
		Pages pages = src.backing;
		long from = src.backingIndex(vpn);
		k.rmap.folioDupFileRmapPtes(pages, from, from + n);
		if (!k.vmDmabufDio(src)) {
			dst.mm.addMmCounter(mmCounterFile(pages), n);
			reportDmabufRss(pages, dst, "copy_present_ptes");
		}
		dst.ptes.set(vpn, vpn + n, childPte);
		return 0;
	}

	private long copyAnonPtes(Vma dst, Vma src, long vpn, long n, long pte, long childPte) {
		AnonVma owner = k.anonVmas.get(Pte.sourceId(pte));
		Pages pages = owner.pages;
		// folio_try_dup_anon_rmap_ptes() fails for pages that may be DMA-pinned
		List<long[]> pinned = new ArrayList<>();
		pages.pincount.forEach(vpn, vpn + n, (s, e, pins) -> {
			if (pins > 0) {
				pinned.add(new long[] { s, e });
			}
		});
		k.rmap.folioDupAnonRmapPtes(pages, vpn, vpn + n);
		dst.mm.addMmCounter(MmStruct.MM_ANONPAGES, n);
		if (!owner.mappers.contains(dst)) {
			owner.mappers.add(dst);
		}
		dst.ptes.set(vpn, vpn + n, childPte);
		for (long[] p : pinned) {
			// copy_present_page(): the child gets a private copy, writable, the parent keeps its pte
			k.rmap.folioRemoveRmapPtes(pages, p[0], p[1], dst);
			dst.mm.addMmCounter(MmStruct.MM_ANONPAGES, -(p[1] - p[0]));
			dst.ptes.set(p[0], p[1], Pte.NONE);
			long ret = doAnonymousPages(dst, p[0], p[1] - p[0], true);
			if (ret < 0) {
				return ret;
			}
			k.costs.chargeCopy((p[1] - p[0]) << 12);
			src.ptes.set(p[0], p[1], pte);
		}
		return 0;
	}

	/**
	 * {@code zap_pte_range()} over [from, to) of a vma: {@code zap_present_folio_ptes()} drops
	 * RSS (skipped for VM_DMABUF_DIO by patch 2) and the rmap, carries pte dirtiness to the page,
	 * and frees anonymous pages no longer mapped; swap entries free their slots.
	 */
	public void zapPteRange(Vma vma, long from, long to) {
		List<long[]> runs = new ArrayList<>();
		vma.ptes.forEach(from, to, (s, e, pte) -> {
			if (pte != Pte.NONE) {
				runs.add(new long[] { s, e, pte });
			}
		});
		for (long[] r : runs) {
			zapPresentFolioPtes(vma, r[0], r[1] - r[0], r[2]);
		}
		vma.ptes.set(from, to, Pte.NONE);
	}

	/**
	 * Zaps only the ptes of [from, to) that map the vma's backing pages, leaving COW copies and
	 * pfn mappings: what unmapping a file's pages for reclaim takes away.
	 */
	void zapBackingPtes(Vma vma, long from, long to) {
		List<long[]> runs = new ArrayList<>();
		vma.ptes.forEach(from, to, (s, e, pte) -> {
			if (Pte.present(pte) && !Pte.anon(pte) && !Pte.special(pte)) {
				runs.add(new long[] { s, e, pte });
			}
		});
		for (long[] r : runs) {
			zapPresentFolioPtes(vma, r[0], r[1] - r[0], r[2]);
			vma.ptes.set(r[0], r[1], Pte.NONE);
		}
	}

	/**
	 * Where a fault over [vpn, vpn + n) stopped: the first page whose pte does not allow the
	 * access, or vpn + n if all do.
	 */
	public long faultedUpTo(Vma vma, long vpn, long n, boolean write) {
		long[] stop = { vpn + n };
		vma.ptes.forEach(vpn, vpn + n, (s, e, pte) -> {
			if (stop[0] == vpn + n && (!Pte.present(pte) || (write && !Pte.write(pte)))) {
				stop[0] = s;
			}
		});
		return stop[0];
	}

	private void zapPresentFolioPtes(Vma vma, long vpn, long n, long pte) {
		if (Pte.swap(pte)) {
			k.anonVmas.swapFree(pte, vpn, n);
			vma.mm.addMmCounter(MmStruct.MM_SWAPENTS, -n);
			return;
		}
		if (Pte.special(pte)) {
			return;
		}
		if (Pte.anon(pte)) {
			AnonVma owner = k.anonVmas.get(Pte.sourceId(pte));
			vma.mm.addMmCounter(MmStruct.MM_ANONPAGES, -n);
			k.rmap.folioRemoveRmapPtes(owner.pages, vpn, vpn + n, vma);
			k.anonVmas.freeUnmapped(owner, vpn, vpn + n);
			return;
		}
		Pages pages = vma.backing;
		long from = vma.backingIndex(vpn);
		if (Pte.dirty(pte) && pages.kind != Pages.Kind.DMABUF) {
			k.filemap.folioMarkDirty(pages, from, from + n);
		}
		if (Pte.young(pte) && pages.kind != Pages.Kind.DMABUF) {
			k.lru.markAccessed(pages, from, from + n);
		}
		if (!k.vmDmabufDio(vma)) {
			vma.mm.addMmCounter(mmCounter(pages), -n);
		}
		k.rmap.folioRemoveRmapPtes(pages, from, from + n, vma);
	}

	/**
	 * {@code handle_mm_fault()} for every page of [vpn, vpn + n) that needs one: missing ptes
	 * go to {@code do_anonymous_page()} or the vma's fault handler; write faults on read-only
	 * present ptes go to {@code do_wp_page()}. Returns 0 or -errno (EFAULT for SIGBUS or a
	 * forbidden access, ENOMEM when no page could be had). Pages it puts on the LRU count as
	 * faulted in ({@code lru_gen_enter_fault()}).
	 */
	public long handleMmFault(Vma vma, long vpn, long n, boolean write) {
		k.lru.enterFault();
		try {
			return doHandleMmFault(vma, vpn, n, write);
		} finally {
			k.lru.exitFault();
		}
	}

	/** {@code __handle_mm_fault()}. */
	private long doHandleMmFault(Vma vma, long vpn, long n, boolean write) {
		if (write && !vma.hasFlag(VmFlags.VM_WRITE) || !write && !vma.hasFlag(VmFlags.VM_READ)) {
			return -EFAULT;
		}
		long first = vma.ptes.get(vpn);
		long permitted = Pte.PRESENT | (write ? Pte.WRITE : 0);
		if ((first & permitted) == permitted && !Pte.swap(first) && vma.ptes.nextChange(vpn) >= vpn + n) {
			// one run, mapped and permitted (the usual copy): the access only sets the accessed/dirty bits
			long accessed = first | Pte.YOUNG | (write ? Pte.DIRTY : 0);
			if (accessed != first) {
				vma.ptes.set(vpn, vpn + n, accessed);
			}
			return 0;
		}
		List<long[]> runs = new ArrayList<>();
		vma.ptes.forEach(vpn, vpn + n, (s, e, pte) -> runs.add(new long[] { s, e, pte }));
		for (long[] r : runs) {
			long count = r[1] - r[0];
			long pte = r[2];
			long ret = 0;
			if (Pte.none(pte) || Pte.swap(pte)) {
				if (Pte.swap(pte) || vma.isAnonymous()) {
					k.vmstat.count(VmEvent.PGFAULT, count); // one fault per page
					k.costs.charge(Cost.PAGE_FAULT_NS, count);
				}
				ret = Pte.swap(pte) ? k.anonVmas.doSwapPage(vma, r[0], count, pte)
						: doPteMissing(vma, r[0], count, write);
			} else if (write && !Pte.write(pte)) {
				k.vmstat.count(VmEvent.PGFAULT, count);
				k.costs.charge(Cost.PAGE_FAULT_NS, count);
				ret = doWpPage(vma, r[0], count, pte);
			} else {
				// present and permitted: the access only sets the accessed/dirty bits, if not set yet
				long accessed = pte | Pte.YOUNG | (write ? Pte.DIRTY : 0);
				if (accessed != pte) {
					vma.ptes.set(r[0], r[1], accessed);
				}
			}
			if (ret < 0) {
				return ret;
			}
		}
		return 0;
	}

	/** {@code do_pte_missing()}: anonymous vmas get zeroed pages, others ask their vm_ops. */
	private long doPteMissing(Vma vma, long vpn, long n, boolean write) {
		if (vma.isAnonymous()) {
			return doAnonymousPages(vma, vpn, n, write);
		}
		for (long i = 0; i < n;) {
			k.vmstat.count(VmEvent.PGFAULT, 1); // one fault per handler call: it may map many pages
			k.costs.charge(Cost.PAGE_FAULT_NS, 1);
			long ret = vma.ops.fault(vma, vpn + i, write);
			if (ret < 0) {
				return ret == VmOps.VM_FAULT_SIGBUS ? -EFAULT : ret;
			}
			// a handler may fill more than one page (fault-around, a whole folio)
			long filled = 1;
			while (i + filled < n && vma.pte(vpn + i + filled) != Pte.NONE) {
				filled++;
			}
			i += filled;
		}
		if (write && !vma.hasFlag(VmFlags.VM_SHARED)) {
			return handleMmFault(vma, vpn, n, true); // private file mapping: now COW it
		}
		if (write) {
			vma.ptes.update(vpn, vpn + n, pte -> pte | Pte.DIRTY);
		}
		return 0;
	}

	/**
	 * {@code do_anonymous_page()}: a read fault maps the shared zero page (a special, read-only
	 * pte, no RSS); a write fault gets zeroed pages, a new anon rmap, the inactive anon LRU and
	 * MM_ANONPAGES.
	 */
	long doAnonymousPages(Vma vma, long vpn, long n, boolean write) {
		if (!write) {
			vma.ptes.set(vpn, vpn + n, Pte.PRESENT | Pte.SPECIAL | Pte.YOUNG);
			return 0;
		}
		AnonVma owner = k.anonVmas.prepare(vma);
		long got = k.anonVmas.allocate(owner, vpn, n);
		mapNewAnon(vma, owner, vpn, got);
		return got < n ? oom("do_anonymous_page", vma, n - got) : 0;
	}

	/** Maps freshly allocated anonymous pages: rmap, LRU, RSS and a writable dirty pte. */
	private void mapNewAnon(Vma vma, AnonVma owner, long vpn, long n) {
		if (n == 0) {
			return;
		}
		k.rmap.folioAddNewAnonRmap(owner.pages, vpn, vpn + n);
		k.lru.add(owner.pages, vpn, vpn + n, false);
		vma.mm.addMmCounter(MmStruct.MM_ANONPAGES, n);
		long bits = Pte.PRESENT | Pte.DIRTY | Pte.YOUNG | (vma.hasFlag(VmFlags.VM_WRITE) ? Pte.WRITE : 0);
		vma.ptes.set(vpn, vpn + n, Pte.anonPte(owner.id, bits));
	}

	private long oom(String function, Vma vma, long missing) {
		k.findings.report(Hazard.OOM, function, vma.mm.owner,
				"no memory for " + missing + " pages of " + vma.mm.owner + " even after reclaim");
		return -ENOMEM;
	}

	/**
	 * {@code do_wp_page()}: a write to a read-only present pte. Shared mappings are made writable
	 * ({@code wp_page_shared()}); a private anonymous page mapped once is reused
	 * ({@code wp_page_reuse()}); anything else is copied ({@code wp_page_copy()}).
	 */
	private long doWpPage(Vma vma, long vpn, long n, long pte) {
		if (vma.hasFlag(VmFlags.VM_SHARED)) {
			vma.ptes.set(vpn, vpn + n, pte | Pte.WRITE | Pte.DIRTY | Pte.YOUNG);
			return 0;
		}
		if (Pte.special(pte) && vma.isAnonymous()) {
			return wpPageCopy(vma, vpn, n, pte); // the zero page
		}
		if (Pte.special(pte)) {
			return -EFAULT; // a pfn mapping cannot be COWed without a page
		}
		if (Pte.anon(pte)) {
			Pages pages = k.anonVmas.get(Pte.sourceId(pte)).pages;
			List<long[]> runs = new ArrayList<>();
			pages.mapcount.forEach(vpn, vpn + n, (s, e, maps) -> pages.pincount.forEach(s, e,
					(s2, e2, pins) -> runs.add(new long[] { s2, e2, maps == 1 && pins == 0 ? 1 : 0 })));
			for (long[] r : runs) {
				long ret = r[2] == 1 ? wpPageReuse(vma, r[0], r[1] - r[0], pte) : wpPageCopy(vma, r[0], r[1] - r[0], pte);
				if (ret < 0) {
					return ret;
				}
			}
			return 0;
		}
		return wpPageCopy(vma, vpn, n, pte);
	}

	private long wpPageReuse(Vma vma, long vpn, long n, long pte) {
		vma.ptes.set(vpn, vpn + n, pte | Pte.WRITE | Pte.DIRTY | Pte.YOUNG);
		return 0;
	}

	/**
	 * {@code wp_page_copy()}: a new anonymous page replaces the mapped one. For a file page the
	 * counters move from MM_FILEPAGES to MM_ANONPAGES; the seed's patch 2 does not guard this
	 * decrement, so a private VM_DMABUF_DIO mapping drives MM_FILEPAGES below zero. A copy of
	 * the zero page only adds MM_ANONPAGES.
	 */
	private long wpPageCopy(Vma vma, long vpn, long n, long oldPte) {
		AnonVma owner = k.anonVmas.prepare(vma);
		long got = k.anonVmas.allocate(owner, vpn, n);
		boolean zeroPage = Pte.special(oldPte);
		if (!zeroPage) {
			k.costs.chargeCopy(got << 12);
		}
		k.vmstat.count(VmEvent.COW_FAULT, got);
		if (Pte.anon(oldPte)) {
			Pages old = k.anonVmas.get(Pte.sourceId(oldPte)).pages;
			k.rmap.folioRemoveRmapPtes(old, vpn, vpn + got, vma);
			k.anonVmas.freeUnmapped(k.anonVmas.get(Pte.sourceId(oldPte)), vpn, vpn + got);
			vma.mm.addMmCounter(MmStruct.MM_ANONPAGES, -got); // mapNewAnon adds it back
		} else if (!zeroPage) {
			Pages old = vma.backing;
			long from = vma.backingIndex(vpn);
			vma.mm.addMmCounter(mmCounterFile(old), -got); // not guarded by VM_DMABUF_DIO
			k.rmap.folioRemoveRmapPtes(old, from, from + got, vma);
		}
		mapNewAnon(vma, owner, vpn, got);
		return got < n ? oom("wp_page_copy", vma, n - got) : 0;
	}

	/** Allocation failures become -ENOMEM for callers that return errors. */
	static long enomem() {
		return -ENOMEM;
	}
}
