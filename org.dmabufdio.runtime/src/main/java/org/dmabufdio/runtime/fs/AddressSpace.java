package org.dmabufdio.runtime.fs;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.Reclaimable;
import org.dmabufdio.runtime.util.RangeMap;

/**
 * The page cache of one file (struct address_space): its pages, and when each page's read
 * completes, so readers wait exactly for the I/O they need. Reclaim frees its clean pages.
 */
public final class AddressSpace implements Reclaimable {

	private final Kernel k;
	final Pages pages;
	/**
	 * ns at which each cached page becomes uptodate (a time past means it is): written per
	 * request, dropped in bulk once {@link #PRUNE_AT} requests are recorded, not per read.
	 */
	final RangeMap readyAt = new RangeMap(0);

	/** How many completion runs are kept before the past ones are dropped. */
	static final int PRUNE_AT = 64;
	/** mapping->host: the file, for writeback to find its device; null for shmem. */
	Inode host;

	public AddressSpace(Kernel k, Pages.Kind kind, String name) {
		this.k = k;
		this.pages = new Pages(kind, name);
		if (kind == Pages.Kind.FILE) {
			pages.setReclaimOwner(this);
		}
	}

	public Pages pages() {
		return pages;
	}

	/** When every page of [from, to) is uptodate: the reads a waiter needs are done then. */
	long readyBy(long from, long to) {
		long[] max = { 0 };
		readyAt.forEach(from, to, (s, e, t) -> max[0] = Math.max(max[0], t));
		return max[0];
	}

	/** A read of [from, to) completes at {@code done}. */
	void readCompletesAt(long from, long to, long done) {
		if (readyAt.runCount() >= PRUNE_AT) {
			pruneCompleted(k.clock.now());
		}
		readyAt.set(from, to, done);
	}

	/**
	 * Drops the completion times already past: those before the first still to come, at once
	 * (a streaming read completes in order), or one by one if that leaves too many.
	 */
	private void pruneCompleted(long now) {
		long[] firstPending = { Long.MAX_VALUE };
		readyAt.forEachRun((s, e, t) -> {
			if (t > now && s < firstPending[0]) {
				firstPending[0] = s;
			}
		});
		readyAt.set(0, firstPending[0], 0);
		if (readyAt.runCount() >= PRUNE_AT) {
			java.util.List<long[]> past = new java.util.ArrayList<>();
			readyAt.forEachRun((s, e, t) -> {
				if (t <= now) {
					past.add(new long[] { s, e });
				}
			});
			for (long[] r : past) {
				readyAt.set(r[0], r[1], 0);
			}
		}
	}

	/** mapping->nrpages. */
	public long nrpages(long from, long to) {
		return pages.residentPages(from, to);
	}

	/**
	 * Reclaim picked pages [from, to) (clean, unpinned, not accessed lately): unmap them from
	 * every process ({@code try_to_unmap()}), then drop those still clean and not under
	 * writeback from the page cache.
	 */
	@Override
	public long reclaim(Pages p, long from, long to) {
		if (pages.mapcountPages(from, to) > 0) {
			k.rmap.tryToUnmap(pages, from, to);
		}
		long freed = 0;
		for (long s = from; s < to;) {
			long e = Math.min(to, pages.flagRunEnd(s));
			if ((pages.flagsAt(s) & (Pages.PG_DIRTY | Pages.PG_WRITEBACK)) == 0) {
				freed += k.filemap.deleteFromPageCache(this, s, e); // frees the run, leaves later flags alone
			}
			s = e;
		}
		return freed;
	}
}
