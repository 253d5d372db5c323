package org.dmabufdio.runtime.kernel;

import java.util.EnumMap;
import java.util.Map;

import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * What a simulated machine boots with: memory layout, reclaim tunables, storage and unit costs.
 * Device profiles fill it in; scenarios override single values.
 */
public final class BootParams {

	/** Physical RAM. */
	public long ramBytes = 16 * Units.GIB;
	/** Size of ZONE_DMA32 at the bottom of RAM (0: a single ZONE_NORMAL). */
	public long dma32Bytes = 4 * Units.GIB;
	/** MemTotal: the RAM the buddy allocator manages; the rest is reserved at boot. 0: all of RAM. */
	public long memTotalBytes = 0;
	/** The CMA area reserved at boot for the CMA heap. */
	public long cmaBytes = 64 * Units.MIB;
	/** vm.min_free_kbytes if set higher than the computed one (-1: not set). */
	public long minFreeKbytes = -1;
	/** vm.watermark_scale_factor. */
	public int watermarkScaleFactor = 10;
	/** read_ahead_kb of the data partition's device. */
	public long readAheadKb = 128;
	/** /sys/kernel/mm/lru_gen/enabled: the multi-generational LRU instead of the two lists. */
	public boolean lruGen = false;
	/** vm.dirty_ratio and vm.dirty_background_ratio: percent of dirtyable memory. */
	public int dirtyRatio = 20;
	public int dirtyBackgroundRatio = 10;
	/** Swap (zram) size; 0 for none. */
	public long swapBytes = 0;
	/** zram's compression ratio (3 keeps three pages in one); 0 for a swap disk. */
	public double swapCompression = 0;
	/** Anonymous memory of the processes already running at boot (not reclaimable without swap). */
	public long systemAnonBytes = 0;
	/** Page cache of files the system already read: clean, reclaimable. */
	public long systemCacheBytes = 0;
	/** Reclaimable slab in use. */
	public long systemSlabBytes = 0;
	/** Percent of free order-8 blocks broken up by scattered used pages. */
	public int fragmentationPercent = 0;
	/** Run-to-run spread of timings (standard deviation), in tenths of a percent. */
	public int noisePermille = 0;
	/** CPUs the scheduler spreads runnable threads over. */
	public int cpus = 8;
	/** What the memory system delivers to all its users together, bytes per second (0: unlimited). */
	public double dramBytesPerSecond = 0;
	/** Speed of the CPUs kswapd runs on, in percent of the one running the scenario's task. */
	public int kswapdSpeedPercent = 100;

	/** Storage: logical block size, largest request, queue depth, bandwidth, latency. */
	public int logicalBlockSize = 512;
	public long maxRequestBytes = 512 * Units.KIB;
	public int queueDepth = 32;
	public double readBytesPerSecond = 2.0e9;
	public double writeBytesPerSecond = 1.2e9;
	public long requestLatencyNs = 100_000;
	/** Filesystem of the data partition and its block size. */
	public String filesystem = "ext4";
	public int fsBlockSize = 4096;

	/** Unit costs (see {@link Cost}). */
	public final Map<Cost, Double> costs = new EnumMap<>(Cost.class);

	/** Seed of the run's one random source. */
	public long seed = 1;

	/** RAM the buddy allocator never sees (kernel image, memmap, firmware carve-outs). */
	public long reservedBytes() {
		return memTotalBytes > 0 ? Math.max(0, ramBytes - memTotalBytes) : 0;
	}

	public BootParams() {
		// the per-page costs of a 2024 flagship phone core (see phone_16g_ufs40.profile for why)
		costs.put(Cost.PAGE_ZERO_NS, 250.0);
		costs.put(Cost.ALLOC_ORDER0_NS, 150.0);
		costs.put(Cost.ALLOC_ORDER4_NS, 15.0);
		costs.put(Cost.ALLOC_ORDER8_NS, 2.0);
		costs.put(Cost.PAGE_CACHE_INSERT_NS, 450.0);
		costs.put(Cost.PAGE_CACHE_LOOKUP_NS, 100.0);
		costs.put(Cost.LRU_MOVE_NS, 60.0);
		costs.put(Cost.READAHEAD_SUBMIT_NS, 5000.0);
		costs.put(Cost.BIO_PAGE_COMPLETE_NS, 250.0);
		costs.put(Cost.PTE_INSERT_NS, 30.0);
		costs.put(Cost.PAGE_FAULT_NS, 700.0);
		costs.put(Cost.GUP_PIN_NS, 60.0);
		costs.put(Cost.RECLAIM_SCAN_NS, 300.0);
		costs.put(Cost.RECLAIM_EVICT_NS, 1000.0);
		costs.put(Cost.RMAP_WALK_NS, 1000.0);
		costs.put(Cost.ZRAM_COMPRESS_NS, 4000.0);
		costs.put(Cost.ZRAM_DECOMPRESS_NS, 1000.0);
		costs.put(Cost.SHRINK_SLAB_NS, 55000.0);
		costs.put(Cost.MEMCPY_BYTES_PER_S, 5.0e9);
		costs.put(Cost.SYSCALL_NS, 1000.0);
	}
}
