package org.dmabufdio.runtime.devices;

import java.util.function.BiConsumer;

import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.time.Cost;

/**
 * Every parameter a device profile or a scenario's {@code device NAME { key value }} may set:
 * its key, the kind of value (and so its unit), what it means, and where it goes.
 */
public enum DeviceParameter {
	RAM("ram", Unit.SIZE, "physical RAM", (p, v) -> p.ramBytes = v.longValue()),
	MEMTOTAL("memtotal", Unit.SIZE, "MemTotal: RAM the kernel manages (the rest is reserved at boot)",
			(p, v) -> p.memTotalBytes = v.longValue()),
	DMA32("dma32", Unit.SIZE, "size of ZONE_DMA32 at the bottom of RAM (0: one zone)", (p, v) -> p.dma32Bytes = v.longValue()),
	CMA("cma", Unit.SIZE, "CMA area reserved for the CMA heap", (p, v) -> p.cmaBytes = v.longValue()),
	MIN_FREE_KBYTES("min_free_kbytes", Unit.COUNT, "vm.min_free_kbytes, if above the computed one",
			(p, v) -> p.minFreeKbytes = v.longValue()),
	WATERMARK_SCALE_FACTOR("watermark_scale_factor", Unit.COUNT, "vm.watermark_scale_factor",
			(p, v) -> p.watermarkScaleFactor = v.intValue()),
	LRU_GEN("lru_gen", Unit.COUNT, "/sys/kernel/mm/lru_gen/enabled: 0 for the two-list LRU, else the multi-generational LRU",
			(p, v) -> p.lruGen = v.longValue() != 0),
	DIRTY_RATIO("dirty_ratio", Unit.COUNT, "vm.dirty_ratio: percent of dirtyable memory at which writers wait for writeback",
			(p, v) -> p.dirtyRatio = v.intValue()),
	DIRTY_BACKGROUND_RATIO("dirty_background_ratio", Unit.COUNT,
			"vm.dirty_background_ratio: percent of dirtyable memory at which the flusher starts",
			(p, v) -> p.dirtyBackgroundRatio = v.intValue()),
	READAHEAD("readahead", Unit.SIZE, "read_ahead_kb of the data partition", (p, v) -> p.readAheadKb = v.longValue() >> 10),
	SWAP("swap", Unit.SIZE, "swap (zram) size; 0 for none", (p, v) -> p.swapBytes = v.longValue()),
	SWAP_COMPRESSION("swap_compression", Unit.COUNT, "zram's compression ratio (pages per stored page); 0: a swap disk",
			(p, v) -> p.swapCompression = v.doubleValue()),
	SYSTEM_ANON("system_anon", Unit.SIZE, "anonymous memory of the processes already running",
			(p, v) -> p.systemAnonBytes = v.longValue()),
	SYSTEM_CACHE("system_cache", Unit.SIZE, "page cache of files already read (reclaimable)",
			(p, v) -> p.systemCacheBytes = v.longValue()),
	SYSTEM_SLAB("system_slab", Unit.SIZE, "reclaimable slab in use", (p, v) -> p.systemSlabBytes = v.longValue()),
	FRAGMENTATION("fragmentation", Unit.COUNT, "percent of free 1 MiB blocks broken up by scattered pages",
			(p, v) -> p.fragmentationPercent = v.intValue()),
	LOGICAL_BLOCK_SIZE("logical_block_size", Unit.SIZE, "the storage's logical block size",
			(p, v) -> p.logicalBlockSize = v.intValue()),
	MAX_REQUEST("max_request", Unit.SIZE, "largest request (max_sectors_kb)", (p, v) -> p.maxRequestBytes = v.longValue()),
	QUEUE_DEPTH("queue_depth", Unit.COUNT, "requests the storage works on at once", (p, v) -> p.queueDepth = v.intValue()),
	READ_BANDWIDTH("read_bandwidth", Unit.BANDWIDTH, "sequential read bandwidth",
			(p, v) -> p.readBytesPerSecond = v.doubleValue()),
	WRITE_BANDWIDTH("write_bandwidth", Unit.BANDWIDTH, "sequential write bandwidth",
			(p, v) -> p.writeBytesPerSecond = v.doubleValue()),
	REQUEST_LATENCY("request_latency", Unit.DURATION, "time from submission to first data of a request",
			(p, v) -> p.requestLatencyNs = v.longValue()),
	FILESYSTEM("filesystem", Unit.WORD, "filesystem of the data partition (ext4, f2fs)", null),
	FS_BLOCK_SIZE("fs_block_size", Unit.SIZE, "filesystem block size", (p, v) -> p.fsBlockSize = v.intValue()),
	CPUS("cpus", Unit.COUNT, "CPUs the scheduler spreads runnable threads over", (p, v) -> p.cpus = v.intValue()),
	DRAM_BANDWIDTH("dram_bandwidth", Unit.BANDWIDTH, "what the memory system delivers to all its users together",
			(p, v) -> p.dramBytesPerSecond = v.doubleValue()),
	KSWAPD_SPEED("kswapd_speed", Unit.COUNT, "speed of the CPUs kswapd runs on, percent of the app's CPU",
			(p, v) -> p.kswapdSpeedPercent = v.intValue()),
	NOISE("noise", Unit.COUNT, "run-to-run spread of timings, in tenths of a percent (standard deviation)",
			(p, v) -> p.noisePermille = v.intValue()),
	PAGE_ZERO("page_zero", Unit.DURATION, "clearing one 4 KiB page", cost(Cost.PAGE_ZERO_NS)),
	ALLOC_ORDER0("alloc_order0", Unit.DURATION, "buddy allocator work per order-0 page", cost(Cost.ALLOC_ORDER0_NS)),
	ALLOC_ORDER4("alloc_order4", Unit.DURATION, "buddy allocator work per page of an order-4 block",
			cost(Cost.ALLOC_ORDER4_NS)),
	ALLOC_ORDER8("alloc_order8", Unit.DURATION, "buddy allocator work per page of an order-8 block",
			cost(Cost.ALLOC_ORDER8_NS)),
	PAGE_CACHE_INSERT("page_cache_insert", Unit.DURATION, "adding one page to the page cache and LRU",
			cost(Cost.PAGE_CACHE_INSERT_NS)),
	PAGE_CACHE_LOOKUP("page_cache_lookup", Unit.DURATION, "finding one cached page and marking it accessed",
			cost(Cost.PAGE_CACHE_LOOKUP_NS)),
	LRU_MOVE("lru_move", Unit.DURATION, "moving one page between LRU lists", cost(Cost.LRU_MOVE_NS)),
	READAHEAD_SUBMIT("readahead_submit", Unit.DURATION, "building and submitting one read request",
			cost(Cost.READAHEAD_SUBMIT_NS)),
	BIO_PAGE_COMPLETE("bio_page_complete", Unit.DURATION, "completing one page of a bio (unlock or unpin it)",
			cost(Cost.BIO_PAGE_COMPLETE_NS)),
	PTE_INSERT("pte_insert", Unit.DURATION, "writing one pte", cost(Cost.PTE_INSERT_NS)),
	PAGE_FAULT("page_fault", Unit.DURATION, "one page fault, trap to return", cost(Cost.PAGE_FAULT_NS)),
	GUP_PIN("gup_pin", Unit.DURATION, "pinning one page through GUP", cost(Cost.GUP_PIN_NS)),
	RECLAIM_SCAN("reclaim_scan", Unit.DURATION, "reclaim looking at one LRU page", cost(Cost.RECLAIM_SCAN_NS)),
	RECLAIM_EVICT("reclaim_evict", Unit.DURATION, "reclaim unmapping and freeing one clean page",
			cost(Cost.RECLAIM_EVICT_NS)),
	RMAP_WALK("rmap_walk", Unit.DURATION, "reclaim visiting one mapped page through the rmap (check or unmap, TLB flush)",
			cost(Cost.RMAP_WALK_NS)),
	ZRAM_COMPRESS("zram_compress", Unit.DURATION, "compressing one page into zram at swap-out", cost(Cost.ZRAM_COMPRESS_NS)),
	ZRAM_DECOMPRESS("zram_decompress", Unit.DURATION, "decompressing one page from zram at swap-in",
			cost(Cost.ZRAM_DECOMPRESS_NS)),
	SHRINK_SLAB("shrink_slab", Unit.DURATION, "fixed cost of one direct reclaim pass (shrink_slab() and the memcg walk)",
			cost(Cost.SHRINK_SLAB_NS)),
	MEMCPY_BANDWIDTH("memcpy_bandwidth", Unit.BANDWIDTH, "CPU copy bandwidth (copy_to_user, memcpy)",
			cost(Cost.MEMCPY_BYTES_PER_S)),
	SYSCALL("syscall", Unit.DURATION, "fixed cost of entering and leaving a system call", cost(Cost.SYSCALL_NS));

	/** How a value is written and what unit it is in once parsed. */
	public enum Unit {
		/** bytes: 16G, 512K, 4096B */
		SIZE,
		/** bytes per second: 2.1G/s */
		BANDWIDTH,
		/** nanoseconds: 250ns, 1.5us, 100us */
		DURATION,
		/** a plain number */
		COUNT,
		/** a word */
		WORD
	}

	private final String key;
	private final Unit unit;
	private final String description;
	private final BiConsumer<BootParams, Number> setter;

	DeviceParameter(String key, Unit unit, String description, BiConsumer<BootParams, Number> setter) {
		this.key = key;
		this.unit = unit;
		this.description = description;
		this.setter = setter;
	}

	private static BiConsumer<BootParams, Number> cost(Cost cost) {
		return (p, v) -> p.costs.put(cost, v.doubleValue());
	}

	public String key() {
		return key;
	}

	public Unit unit() {
		return unit;
	}

	public String description() {
		return description;
	}

	/** Sets this parameter on boot parameters; words are applied by {@link #applyWord}. */
	public void apply(BootParams params, Number value) {
		setter.accept(params, value);
	}

	/** Sets a word-valued parameter. */
	public void applyWord(BootParams params, String value) {
		if (this == FILESYSTEM) {
			params.filesystem = value;
		}
	}

	public static DeviceParameter byKey(String key) {
		for (DeviceParameter p : values()) {
			if (p.key.equals(key)) {
				return p;
			}
		}
		return null;
	}
}
