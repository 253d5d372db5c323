package org.dmabufdio.runtime.fs.proc;

import static org.dmabufdio.runtime.mm.NodeStat.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Vmstat;
import org.dmabufdio.runtime.mm.Zone;
import org.dmabufdio.runtime.util.Units;

/** /proc/meminfo (fs/proc/meminfo.c: meminfo_proc_show()), in kB, with the kernel's field names. */
public final class Meminfo {

	/** The fields {@link #show} gives, in order. */
	public static final java.util.List<String> FIELDS = java.util.List.of("MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active", "Inactive", "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "SwapTotal", "SwapFree", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab", "SReclaimable", "SUnreclaim", "PageTables", "CmaTotal", "CmaFree");

	private Meminfo() {
	}

	/** The fields in the kernel's order, each in kB. */
	public static Map<String, Long> show(Kernel k) {
		Vmstat s = k.vmstat;
		Map<String, Long> m = new LinkedHashMap<>();
		long swapTotal = k.swap() == null ? 0 : k.swap().totalSlots();
		long swapFree = k.swap() == null ? 0 : k.swap().freeSlots();
		long cached = Math.max(0, s.get(NR_FILE_PAGES) - s.get(NR_SWAPCACHE));
		m.put("MemTotal", Units.kb(k.pageAlloc.totalramPages()));
		m.put("MemFree", Units.kb(s.get(NR_FREE_PAGES)));
		m.put("MemAvailable", Units.kb(siMemAvailable(k)));
		m.put("Buffers", 0L);
		m.put("Cached", Units.kb(cached));
		m.put("SwapCached", Units.kb(s.get(NR_SWAPCACHE)));
		m.put("Active", Units.kb(s.get(NR_ACTIVE_ANON) + s.get(NR_ACTIVE_FILE)));
		m.put("Inactive", Units.kb(s.get(NR_INACTIVE_ANON) + s.get(NR_INACTIVE_FILE)));
		m.put("Active(anon)", Units.kb(s.get(NR_ACTIVE_ANON)));
		m.put("Inactive(anon)", Units.kb(s.get(NR_INACTIVE_ANON)));
		m.put("Active(file)", Units.kb(s.get(NR_ACTIVE_FILE)));
		m.put("Inactive(file)", Units.kb(s.get(NR_INACTIVE_FILE)));
		m.put("Unevictable", Units.kb(s.get(NR_UNEVICTABLE)));
		m.put("SwapTotal", Units.kb(swapTotal));
		m.put("SwapFree", Units.kb(swapFree));
		m.put("Dirty", Units.kb(s.get(NR_FILE_DIRTY)));
		m.put("Writeback", Units.kb(s.get(NR_WRITEBACK)));
		m.put("AnonPages", Units.kb(s.get(NR_ANON_MAPPED)));
		m.put("Mapped", Units.kb(s.get(NR_FILE_MAPPED)));
		m.put("Shmem", Units.kb(s.get(NR_SHMEM)));
		m.put("KReclaimable", Units.kb(s.get(NR_SLAB_RECLAIMABLE) + s.get(NR_KERNEL_MISC_RECLAIMABLE)));
		m.put("Slab", Units.kb(s.get(NR_SLAB_RECLAIMABLE) + s.get(NR_SLAB_UNRECLAIMABLE)));
		m.put("SReclaimable", Units.kb(s.get(NR_SLAB_RECLAIMABLE)));
		m.put("SUnreclaim", Units.kb(s.get(NR_SLAB_UNRECLAIMABLE)));
		m.put("PageTables", Units.kb(s.get(NR_PAGETABLE)));
		m.put("CmaTotal", Units.kb(k.cma.totalPages()));
		m.put("CmaFree", Units.kb(k.cma.freePages()));
		return m;
	}

	/**
	 * {@code si_mem_available()} (mm/show_mem.c): free pages minus the reserves, plus the page
	 * cache and reclaimable kernel memory that could go without thrashing (each less the smaller
	 * of its half and the sum of low watermarks), never below 0. In pages.
	 */
	public static long siMemAvailable(Kernel k) {
		Vmstat s = k.vmstat;
		long wmarkLow = k.pageAlloc.sumWatermark(Zone.WMARK_LOW);
		long available = s.get(NR_FREE_PAGES) - k.pageAlloc.totalreservePages();
		long pagecache = s.get(NR_ACTIVE_FILE) + s.get(NR_INACTIVE_FILE);
		pagecache -= Math.min(pagecache / 2, wmarkLow);
		available += pagecache;
		long reclaimable = s.get(NR_SLAB_RECLAIMABLE) + s.get(NR_KERNEL_MISC_RECLAIMABLE);
		reclaimable -= Math.min(reclaimable / 2, wmarkLow);
		available += reclaimable;
		return Math.max(0, available);
	}
}
