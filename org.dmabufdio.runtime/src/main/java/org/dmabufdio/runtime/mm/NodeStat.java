package org.dmabufdio.runtime.mm;

/**
 * The node and zone page counters /proc/meminfo reads (enum node_stat_item and
 * zone_stat_item in include/linux/mmzone.h), all in pages.
 */
public enum NodeStat {
	NR_FREE_PAGES,
	NR_INACTIVE_ANON,
	NR_ACTIVE_ANON,
	NR_INACTIVE_FILE,
	NR_ACTIVE_FILE,
	NR_UNEVICTABLE,
	NR_SLAB_RECLAIMABLE,
	NR_SLAB_UNRECLAIMABLE,
	NR_ANON_MAPPED,
	NR_FILE_MAPPED,
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_SHMEM,
	NR_SWAPCACHE,
	NR_KERNEL_MISC_RECLAIMABLE,
	NR_PAGETABLE,
	/** pages zsmalloc holds for zram's compressed store (nr_zspages) */
	NR_ZSPAGES,
	/** pages held by dma-buf heaps: not a kernel counter, reported per buffer and in total */
	NR_DMABUF
}
