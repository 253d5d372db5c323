package org.dmabufdio.runtime.drivers.dmabuf;

import static org.dmabufdio.runtime.kernel.Errno.ENOMEM;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Gfp;
import org.dmabufdio.runtime.mm.NodeStat;
import org.dmabufdio.runtime.mm.VmFlags;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * The system heap (drivers/dma-buf/heaps/system_heap.c): buffers built from the largest blocks
 * available, orders 8, 4, 0, never going back up; mapped with remap_pfn_range(), or with
 * vm_insert_page() and VM_DMABUF_DIO on the seed's kernels.
 */
public final class SystemHeap implements DmaHeap, DmaBufOps {

	/** orders[]: 1 MiB, 64 KiB, 4 KiB. */
	static final int[] ORDERS = { 8, 4, 0 };
	/** HIGH_ORDER_GFP: no reclaim at all and no retries; fails fast when fragmented. */
	static final long HIGH_ORDER_GFP = ((Gfp.GFP_HIGHUSER | Gfp.__GFP_ZERO | Gfp.__GFP_NOWARN | Gfp.__GFP_NORETRY)
			& ~Gfp.__GFP_RECLAIM) | Gfp.__GFP_COMP;
	/** LOW_ORDER_GFP: may reclaim. */
	static final long LOW_ORDER_GFP = Gfp.GFP_HIGHUSER | Gfp.__GFP_ZERO | Gfp.__GFP_COMP;
	/** order_flags[]. */
	static final long[] ORDER_FLAGS = { HIGH_ORDER_GFP, LOW_ORDER_GFP, LOW_ORDER_GFP };

	private static final Cost[] ALLOC_COST = { Cost.ALLOC_ORDER8_NS, Cost.ALLOC_ORDER4_NS, Cost.ALLOC_ORDER0_NS };

	private final Kernel k;
	private final DmaHeaps heaps;
	/** Android's page pools, on kernels with {@link Feature#PAGE_POOL}; else null. */
	private final PagePools pools;
	private long lastError;

	SystemHeap(Kernel k, DmaHeaps heaps) {
		this.k = k;
		this.heaps = heaps;
		this.pools = k.variant.has(Feature.PAGE_POOL) ? new PagePools(k, ORDERS) : null;
		if (pools != null) {
			k.vmscan.registerShrinker(pools);
		}
	}

	/** Pages the page pools hold (0 without them). */
	public long pooledPages() {
		return pools == null ? 0 : pools.countObjects();
	}

	@Override
	public String name() {
		return "system";
	}

	@Override
	public String exporterName() {
		return "system";
	}

	@Override
	public long lastError() {
		return lastError;
	}

	/**
	 * {@code alloc_largest_available()}: the largest order that fits what remains and is not
	 * above the last order used; returns {pfn, order index, 1 if it came from a page pool} or
	 * null. With page pools, {@code dmabuf_page_pool_alloc()} takes a pooled block first.
	 */
	long[] allocLargestAvailable(long sizeRemaining, int maxOrder) {
		for (int i = 0; i < ORDERS.length; i++) {
			if (sizeRemaining < (Units.PAGE_SIZE << ORDERS[i]) || maxOrder < ORDERS[i]) {
				continue;
			}
			long pooled = pools != null ? pools.fetch(i) : -1;
			if (pooled >= 0) {
				return new long[] { pooled, i, 1 };
			}
			long pfn = k.pageAlloc.allocPages(ORDER_FLAGS[i], ORDERS[i]);
			if (pfn >= 0) {
				return new long[] { pfn, i, 0 };
			}
		}
		return null;
	}

	/** {@code system_heap_allocate()}: zeroed blocks, largest first, or -ENOMEM and nothing. */
	@Override
	public DmaBuf allocate(long len) {
		return allocate(len, len, done -> { });
	}

	@Override
	public DmaBuf allocate(long len, long batch, LongConsumer progress) {
		List<long[]> blocks = new ArrayList<>();
		long remaining = len;
		long nextReport = Math.min(batch, len);
		int maxOrder = ORDERS[0];
		while (remaining > 0) {
			k.tick();
			long[] block = allocLargestAvailable(remaining, maxOrder);
			if (block == null) {
				for (long[] b : blocks) {
					k.pageAlloc.freePages(b[0], 1L << ORDERS[(int) b[1]]);
				}
				lastError = -ENOMEM;
				return null;
			}
			int order = ORDERS[(int) block[1]];
			blocks.add(block);
			k.costs.charge(ALLOC_COST[(int) block[1]], 1L << order);
			if (block[2] == 0) {
				k.costs.charge(Cost.PAGE_ZERO_NS, 1L << order); // __GFP_ZERO; pooled blocks were zeroed when freed
			}
			remaining -= Units.PAGE_SIZE << order;
			maxOrder = order;
			if (len - remaining >= nextReport) {
				progress.accept(Math.min(len, len - remaining));
				nextReport = Math.min(len, nextReport + batch);
			}
		}
		DmaBuf buf = heaps.export(len, this);
		long index = 0;
		for (long[] b : blocks) {
			int order = ORDERS[(int) b[1]];
			buf.pages.install(index, 1L << order, b[0]);
			buf.chunks.add(new long[] { index, order });
			index += 1L << order;
		}
		k.vmstat.mod(NodeStat.NR_DMABUF, Units.pagesFor(len));
		return buf;
	}

	/**
	 * {@code system_heap_mmap()}: maps the buffer from vm_pgoff page by page. Upstream uses
	 * remap_pfn_range(); seed patch 1 uses vm_insert_page(); patch 2 first sets VM_DMABUF_DIO.
	 */
	@Override
	public long mmap(DmaBuf buffer, Vma vma, MapMethod method) {
		if (k.variant.has(Feature.VM_DMABUF_DIO)) {
			vma.setFlags(VmFlags.VM_DMABUF_DIO);
		}
		if (method == MapMethod.KERNEL_DEFAULT) {
			method = k.variant.has(Feature.DMABUF_DIO_MMAP) ? MapMethod.INSERT_PAGE : MapMethod.REMAP_PFN;
		}
		long n = Math.min(vma.pages(), buffer.sizePages() - vma.pgoff());
		if (method == MapMethod.INSERT_PAGE) {
			return k.memory.vmInsertPages(vma, vma.start(), n);
		}
		// one remap_pfn_range() per page: a COW mapping fails on its first page unless it is one page long
		long ret = k.memory.remapPfnRange(vma, vma.start(), 1);
		if (ret == 0 && n > 1) {
			ret = k.memory.remapPfnRange(vma, vma.start() + 1, n - 1);
		}
		return ret;
	}

	/**
	 * {@code system_heap_dma_buf_release()}: frees every block. A page still pinned by GUP keeps
	 * its pin's reference and is only freed when unpinned: reported as a hazard.
	 */
	@Override
	public void release(DmaBuf buffer) {
		long pinned = buffer.pinnedPages();
		if (pinned > 0) {
			k.findings.report(Hazard.PINNED_AT_RELEASE, "system_heap_dma_buf_release", buffer.name,
					buffer.name + " released with " + pinned + " pages still pinned");
		}
		buffer.pages.setOnUnpin((pages, from, to) -> freeUnpinned(buffer, from, to));
		if (pools != null) {
			deferredFreeToPools(buffer);
		}
		freeUnpinned(buffer, 0, buffer.sizePages());
	}

	/**
	 * Android's {@code system_heap_dma_buf_release()}: hands every block no pin holds to the
	 * deferred-free worker, which zeroes it and puts it in its order's pool; pinned blocks are
	 * freed when unpinned, as without pools.
	 */
	private void deferredFreeToPools(DmaBuf buffer) {
		List<long[]> blocks = new ArrayList<>();
		long pooled = 0;
		long runStart = -1;
		long runEnd = -1;
		for (long[] c : buffer.chunks) {
			long from = c[0];
			long to = from + (1L << c[1]);
			if (!buffer.pages.isResident(from) || buffer.pages.pinnedPages(from, to) > 0) {
				continue;
			}
			blocks.add(new long[] { orderIndex((int) c[1]), buffer.pages.pfn(from) });
			pooled += to - from;
			if (from != runEnd) {
				removeFromBuffer(buffer, runStart, runEnd);
				runStart = from;
			}
			runEnd = to;
		}
		removeFromBuffer(buffer, runStart, runEnd);
		k.vmstat.mod(NodeStat.NR_DMABUF, -pooled);
		pools.deferredFree(blocks);
	}

	private static void removeFromBuffer(DmaBuf buffer, long from, long to) {
		if (from < to) {
			buffer.pages.remove(from, to);
		}
	}

	private static int orderIndex(int order) {
		for (int i = 0; i < ORDERS.length; i++) {
			if (ORDERS[i] == order) {
				return i;
			}
		}
		throw new IllegalArgumentException("no pool for order " + order);
	}

	/** __free_pages() of the released buffer's pages that no pin holds any more. */
	private void freeUnpinned(DmaBuf buffer, long from, long to) {
		List<long[]> free = new ArrayList<>();
		buffer.pages.pincountRuns(from, to, (s, e, pins) -> {
			if (pins == 0) {
				free.add(new long[] { s, e });
			}
		});
		for (long[] r : free) {
			long pages = buffer.pages.residentPages(r[0], r[1]);
			buffer.pages.forEachResident(r[0], r[1], (s, e, pfn) -> k.pageAlloc.freePages(pfn, e - s));
			buffer.pages.remove(r[0], r[1]);
			k.vmstat.mod(NodeStat.NR_DMABUF, -pages);
		}
	}
}
