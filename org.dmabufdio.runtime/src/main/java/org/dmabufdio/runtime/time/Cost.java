package org.dmabufdio.runtime.time;

/**
 * The unit costs a device profile gives, each charged where the simulator does that work. Every
 * constant names its unit; values live in the profile files, not here.
 */
public enum Cost {
	/** ns to zero one 4 KiB page (__GFP_ZERO: clear_page) */
	PAGE_ZERO_NS,
	/** ns per page taken from the buddy allocator, by order of the request */
	ALLOC_ORDER0_NS, ALLOC_ORDER4_NS, ALLOC_ORDER8_NS,
	/** ns to insert one page into the page cache (xarray store, memcg charge, LRU add) */
	PAGE_CACHE_INSERT_NS,
	/** ns to look up one cached page and mark it accessed */
	PAGE_CACHE_LOOKUP_NS,
	/** ns per page moved between LRU lists */
	LRU_MOVE_NS,
	/** ns of CPU per readahead request built and submitted */
	READAHEAD_SUBMIT_NS,
	/** ns of CPU per page when a bio completes (buffered: mark uptodate and unlock; direct: dirty and unpin) */
	BIO_PAGE_COMPLETE_NS,
	/** ns to write one pte (vm_insert_page, remap_pfn_range, fork copy) */
	PTE_INSERT_NS,
	/** ns to take one page fault (trap, handle_mm_fault, return) */
	PAGE_FAULT_NS,
	/** ns to pin one page through GUP (walk + refcount) */
	GUP_PIN_NS,
	/** ns for reclaim to scan one LRU page */
	RECLAIM_SCAN_NS,
	/** ns for reclaim to unmap and free one clean page */
	RECLAIM_EVICT_NS,
	/** ns per mapped page an rmap walk visits (folio_referenced, try_to_unmap: pte check or clear, TLB flush) */
	RMAP_WALK_NS,
	/** ns to compress one page into zram at swap-out */
	ZRAM_COMPRESS_NS,
	/** ns to decompress one page from zram at swap-in */
	ZRAM_DECOMPRESS_NS,
	/** ns per direct reclaim pass for shrink_slab() over every shrinker and the memcg walk */
	SHRINK_SLAB_NS,
	/** bytes per second the CPU copies (memcpy, copy_to_user) */
	MEMCPY_BYTES_PER_S,
	/** ns of fixed cost per system call */
	SYSCALL_NS;

	/** The cost's name in reports: its profile key without the unit (page_cache_insert, memcpy). */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace("_bytes_per_s", "").replace("_ns", "");
	}
}
