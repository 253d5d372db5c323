package org.dmabufdio.runtime.fs.proc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.MmStruct;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.Pte;
import org.dmabufdio.runtime.mm.VmFlags;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.util.Units;

/** /proc/PID/smaps (fs/proc/task_mmu.c): one entry per vma, sizes in kB. */
public final class Smaps {

	/** PSS_SHIFT: Pss is summed in fixed point before it is printed. */
	private static final int PSS_SHIFT = 12;

	/** One vma's entry. */
	public record Entry(long start, long end, String name, Map<String, Long> fields, String vmFlags) {
	}

	/** struct mem_size_stats, in bytes (pss in bytes << PSS_SHIFT). */
	static final class MemSizeStats {
		long resident;
		long pss;
		long sharedClean;
		long sharedDirty;
		long privateClean;
		long privateDirty;
		long referenced;
		long anonymous;
		long swap;
	}

	/** The size fields of an entry, in order (VmFlags is separate). */
	public static final List<String> FIELDS = List.of("Size", "KernelPageSize", "MMUPageSize", "Rss", "Pss", "Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty", "Referenced", "Anonymous", "Swap");

	private Smaps() {
	}

	public static List<Entry> show(Kernel k, MmStruct mm) {
		List<Entry> out = new ArrayList<>();
		for (Vma vma : mm.vmas()) {
			out.add(showSmap(k, vma));
		}
		return out;
	}

	/** The entry of the vma containing {@code addr}, or null. */
	public static Entry showFor(Kernel k, MmStruct mm, long addr) {
		Vma vma = mm.findVma(addr >>> Units.PAGE_SHIFT);
		return vma == null ? null : showSmap(k, vma);
	}

	/** {@code show_smap()}. */
	static Entry showSmap(Kernel k, Vma vma) {
		MemSizeStats mss = new MemSizeStats();
		smapGatherStats(k, vma, mss);
		Map<String, Long> f = new LinkedHashMap<>();
		f.put("Size", Units.kb(vma.pages()));
		f.put("KernelPageSize", 4L);
		f.put("MMUPageSize", 4L);
		f.put("Rss", mss.resident >> 10);
		f.put("Pss", mss.pss >> (10 + PSS_SHIFT));
		f.put("Shared_Clean", mss.sharedClean >> 10);
		f.put("Shared_Dirty", mss.sharedDirty >> 10);
		f.put("Private_Clean", mss.privateClean >> 10);
		f.put("Private_Dirty", mss.privateDirty >> 10);
		f.put("Referenced", mss.referenced >> 10);
		f.put("Anonymous", mss.anonymous >> 10);
		f.put("Swap", mss.swap >> 10);
		return new Entry(vma.start() << Units.PAGE_SHIFT, vma.end() << Units.PAGE_SHIFT, vma.name(), f,
				VmFlags.mnemonics(vma.flags()));
	}

	/**
	 * {@code smap_gather_stats()}: the seed's patch 2 returns early for VM_DMABUF_DIO vmas;
	 * the page walk skips VM_PFNMAP vmas entirely ({@code walk_page_test()}); special ptes have
	 * no page ({@code vm_normal_page()} is NULL) and count nothing.
	 */
	static void smapGatherStats(Kernel k, Vma vma, MemSizeStats mss) {
		if (k.vmDmabufDio(vma) || vma.hasFlag(VmFlags.VM_PFNMAP)) {
			return;
		}
		vma.ptes().forEach(vma.start(), vma.end(), (s, e, pte) -> smapsPteEntry(k, vma, s, e, pte, mss));
	}

	/** {@code smaps_pte_entry()} for a run of equal ptes. */
	private static void smapsPteEntry(Kernel k, Vma vma, long from, long to, long pte, MemSizeStats mss) {
		long n = to - from;
		if (Pte.swap(pte)) {
			mss.swap += n << Units.PAGE_SHIFT;
			return;
		}
		if (!Pte.present(pte) || Pte.special(pte)) {
			return;
		}
		Pages pages;
		long first;
		if (Pte.anon(pte)) {
			pages = k.anonVmas.get(Pte.sourceId(pte)).pages();
			first = from;
		} else {
			pages = vma.backing();
			first = vma.backingIndex(from);
		}
		smapsAccount(pages, first, first + n, Pte.young(pte), Pte.dirty(pte), mss);
	}

	/**
	 * {@code smaps_account()}: Rss, Referenced and Anonymous per page; a page mapped once is
	 * private and counts whole in Pss, a page mapped N times is shared and counts 1/N.
	 */
	private static void smapsAccount(Pages pages, long from, long to, boolean young, boolean dirty,
			MemSizeStats mss) {
		long size = (to - from) << Units.PAGE_SHIFT;
		mss.resident += size;
		if (pages.kind == Pages.Kind.ANON) {
			mss.anonymous += size;
		}
		pages.flagRuns(from, to, (s, e, flags) -> {
			long bytes = (e - s) << Units.PAGE_SHIFT;
			if (young || (flags & Pages.PG_REFERENCED) != 0) {
				mss.referenced += bytes;
			}
			boolean isDirty = dirty || (flags & Pages.PG_DIRTY) != 0;
			pages.mapcountRuns(s, e, (s2, e2, mapcount) -> {
				long pageBytes = (e2 - s2) << Units.PAGE_SHIFT;
				long pssPerPage = (Units.PAGE_SIZE << PSS_SHIFT) / Math.max(1, mapcount);
				mss.pss += pssPerPage * (e2 - s2);
				boolean priv = mapcount < 2;
				if (isDirty) {
					if (priv) {
						mss.privateDirty += pageBytes;
					} else {
						mss.sharedDirty += pageBytes;
					}
				} else if (priv) {
					mss.privateClean += pageBytes;
				} else {
					mss.sharedClean += pageBytes;
				}
			});
		});
	}
}
