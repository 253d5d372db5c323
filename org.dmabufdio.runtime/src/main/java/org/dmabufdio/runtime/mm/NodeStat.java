package org.dmabufdio.runtime.mm;

/**
 * The node and zone page counters /proc/meminfo and /proc/vmstat read (enum node_stat_item and
 * zone_stat_item in include/linux/mmzone.h), all in pages, each with its /proc/vmstat name
 * (vmstat_text[] in mm/vmstat.c).
 */
public enum NodeStat {
	NR_FREE_PAGES("nr_free_pages"),
	NR_INACTIVE_ANON("nr_inactive_anon"),
	NR_ACTIVE_ANON("nr_active_anon"),
	NR_INACTIVE_FILE("nr_inactive_file"),
	NR_ACTIVE_FILE("nr_active_file"),
	NR_UNEVICTABLE("nr_unevictable"),
	NR_SLAB_RECLAIMABLE("nr_slab_reclaimable"),
	NR_SLAB_UNRECLAIMABLE("nr_slab_unreclaimable"),
	NR_ANON_MAPPED("nr_anon_pages"),
	NR_FILE_MAPPED("nr_mapped"),
	NR_FILE_PAGES("nr_file_pages"),
	NR_FILE_DIRTY("nr_dirty"),
	NR_WRITEBACK("nr_writeback"),
	NR_SHMEM("nr_shmem"),
	NR_SWAPCACHE("nr_swapcached"),
	NR_KERNEL_MISC_RECLAIMABLE("nr_kernel_misc_reclaimable"),
	NR_PAGETABLE("nr_page_table_pages"),
	/** pages zsmalloc holds for zram's compressed store (nr_zspages) */
	NR_ZSPAGES("nr_zspages"),
	/** pages held by dma-buf heaps: not a kernel counter, reported per buffer and in total */
	NR_DMABUF(null);

	private final String vmstatName;

	NodeStat(String vmstatName) {
		this.vmstatName = vmstatName;
	}

	/** The name /proc/vmstat prints it under, or null if the kernel has no such counter. */
	public String vmstatName() {
		return vmstatName;
	}
}
