package org.dmabufdio.runtime.drivers.dmabuf;

import java.util.ArrayDeque;
import java.util.List;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.NodeStat;
import org.dmabufdio.runtime.mm.Shrinker;
import org.dmabufdio.runtime.time.Cost;

/**
 * The system heap's page pools as Android's common kernel has them (drivers/dma-buf/heaps/
 * page_pool.c and deferred-free-helper.c, not upstream): a released buffer's blocks are zeroed
 * by the deferred-free worker and kept, one pool per order, for the next allocation, which then
 * neither zeroes nor reclaims. Pooled pages count as NR_KERNEL_MISC_RECLAIMABLE (so KReclaimable
 * and MemAvailable include them) and go back to the buddy allocator when reclaim asks the pool
 * shrinker for them.
 *
 * <p>Blocks are kept as runs of contiguous blocks of one order, in the order they were freed,
 * each with the time the worker has zeroed it. Released pages are counted in the pool from the
 * release on; in the kernel they join it (and the counter) once zeroed, a few hundred ms later
 * for a large buffer.
 */
final class PagePools implements Shrinker {

	/** One pool per order of {@link SystemHeap#ORDERS}: FIFO runs {first pfn, blocks, ready at ns}. */
	private final ArrayDeque<long[]>[] pools;
	private final int[] orders;
	private final Kernel k;
	/** When the deferred-free worker is done with what it was given. */
	private long workerBusyUntil;
	/** Pages in the pools, zeroed or still waiting for the worker. */
	private long total;

	@SuppressWarnings("unchecked")
	PagePools(Kernel k, int[] orders) {
		this.k = k;
		this.orders = orders.clone();
		this.pools = new ArrayDeque[orders.length];
		for (int i = 0; i < orders.length; i++) {
			pools[i] = new ArrayDeque<>();
		}
	}

	/**
	 * {@code dmabuf_page_pool_fetch()}: the oldest zeroed block of the pool for order index
	 * {@code i}, or -1 if it has none ready (the caller then asks the buddy allocator).
	 */
	long fetch(int i) {
		long[] run = pools[i].peekFirst();
		if (run == null || run[2] > k.clock.now()) {
			return -1;
		}
		long pfn = run[0];
		run[0] += 1L << orders[i];
		if (--run[1] == 0) {
			pools[i].pollFirst();
		}
		total -= 1L << orders[i];
		k.vmstat.mod(NodeStat.NR_KERNEL_MISC_RECLAIMABLE, -(1L << orders[i]));
		return pfn;
	}

	/**
	 * {@code deferred_free()} of a released buffer's blocks ({order index, pfn} pairs): the
	 * worker zeroes them one buffer after another ({@code system_heap_zero_buffer()}), on its own
	 * CPU, and then {@code dmabuf_page_pool_free()} adds each to its order's pool.
	 */
	void deferredFree(List<long[]> blocks) {
		long pages = 0;
		for (long[] b : blocks) {
			pages += 1L << orders[(int) b[0]];
		}
		long ready = Math.max(workerBusyUntil, k.clock.now()) + k.costs.nanos(Cost.PAGE_ZERO_NS, pages);
		workerBusyUntil = ready;
		for (long[] b : blocks) {
			add((int) b[0], b[1], ready);
		}
		total += pages;
		k.vmstat.mod(NodeStat.NR_KERNEL_MISC_RECLAIMABLE, pages);
	}

	private void add(int i, long pfn, long ready) {
		long[] last = pools[i].peekLast();
		if (last != null && last[2] == ready && last[0] + (last[1] << orders[i]) == pfn) {
			last[1]++;
		} else {
			pools[i].addLast(new long[] { pfn, 1, ready });
		}
	}

	/** {@code dmabuf_page_pool_shrink_count()}: pages in the pools, zeroed or still waiting for the worker. */
	@Override
	public long countObjects() {
		return total;
	}

	/**
	 * {@code dmabuf_page_pool_shrink()}: the pools in the order they sit on pool_list (the last
	 * created, order 0, first), each freeing whole blocks, oldest first, until
	 * {@code nrToScan} pages are freed.
	 */
	@Override
	public long scanObjects(long nrToScan) {
		long freed = 0;
		for (int i = pools.length - 1; i >= 0 && freed < nrToScan; i--) {
			long size = 1L << orders[i];
			while (freed < nrToScan && !pools[i].isEmpty()) {
				long[] run = pools[i].peekFirst();
				long blocks = Math.min(run[1], (nrToScan - freed + size - 1) / size);
				k.pageAlloc.freePages(run[0], blocks * size);
				run[0] += blocks * size;
				run[1] -= blocks;
				if (run[1] == 0) {
					pools[i].pollFirst();
				}
				freed += blocks * size;
			}
		}
		total -= freed;
		k.vmstat.mod(NodeStat.NR_KERNEL_MISC_RECLAIMABLE, -freed);
		return freed;
	}
}
