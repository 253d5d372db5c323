package org.dmabufdio.runtime.mm;

import org.dmabufdio.runtime.util.ExtentSet;

/**
 * A contiguous memory area (mm/cma.c), reserved at boot. Only {@code cma_alloc()} takes from it
 * here: the kernel also lends free CMA pages to movable allocations, which is not modelled.
 */
public final class Cma {

	private final ExtentSet free = new ExtentSet();
	private final long base;
	private final long count;
	private final Vmstat vmstat;

	public Cma(long base, long count, Vmstat vmstat) {
		this.base = base;
		this.count = count;
		this.vmstat = vmstat;
		if (count > 0) {
			free.add(base, base + count);
		}
	}

	public long totalPages() {
		return count;
	}

	public long freePages() {
		return free.size();
	}

	/** {@code cma_alloc()}: {@code pages} contiguous pages, first fit, or -1. */
	public long cmaAlloc(long pages) {
		long[] fit = { -1 };
		free.forEach((s, e, v) -> {
			if (fit[0] < 0 && e - s >= pages) {
				fit[0] = s;
			}
		});
		if (fit[0] >= 0) {
			free.remove(fit[0], fit[0] + pages);
			vmstat.mod(NodeStat.NR_FREE_PAGES, -pages);
		}
		return fit[0];
	}

	/** {@code cma_release()}. */
	public void cmaRelease(long pfn, long pages) {
		free.add(pfn, pfn + pages);
		vmstat.mod(NodeStat.NR_FREE_PAGES, pages);
	}

	public long base() {
		return base;
	}
}
