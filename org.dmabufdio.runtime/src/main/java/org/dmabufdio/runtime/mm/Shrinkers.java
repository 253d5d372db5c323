package org.dmabufdio.runtime.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * The registered shrinkers and {@code shrink_slab()} (mm/shrinker.c since Linux 6.7, mm/vmscan.c
 * before): what reclaim asks of the caches outside the LRU lists, in proportion to how much of the
 * LRU it scanned.
 */
final class Shrinkers {

	/** SHRINK_BATCH: what {@code do_shrink_slab()} asks a shrinker to scan at a time. */
	static final long SHRINK_BATCH = 128;
	/** DEF_PRIORITY: a reclaim pass starts by scanning 1/4096 of every LRU list. */
	static final int DEF_PRIORITY = 12;

	/** A registered shrinker and its {@code nr_deferred}: work asked of it but not yet done. */
	private static final class Registered {
		final Shrinker shrinker;
		long nrDeferred;

		Registered(Shrinker shrinker) {
			this.shrinker = shrinker;
		}
	}

	private final List<Registered> registered = new ArrayList<>();

	/** {@code register_shrinker()}. */
	void register(Shrinker shrinker) {
		registered.add(new Registered(shrinker));
	}

	/** What every shrinker could free now. */
	long countObjects() {
		long n = 0;
		for (Registered r : registered) {
			n += r.shrinker.countObjects();
		}
		return n;
	}

	/**
	 * {@code shrink_slab()} → {@code do_shrink_slab()} for one reclaim pass that scanned the
	 * fraction {@code scanned} of the LRU (1 / 2^priority): each shrinker is asked for that
	 * fraction of what it holds, times 4 / seeks, plus half the work deferred by earlier passes,
	 * at most twice what it holds, in batches of SHRINK_BATCH; what a pass asked for and did not
	 * get done is deferred. Returns the pages freed.
	 */
	long shrinkSlab(double scanned) {
		long freed = 0;
		for (Registered r : registered) {
			long freeable = r.shrinker.countObjects();
			if (freeable == 0) {
				continue;
			}
			long nr = r.nrDeferred;
			r.nrDeferred = 0;
			long delta = (long) (freeable * scanned) * 4 / r.shrinker.seeks();
			long totalScan = Math.min(nr / 2 + delta, 2 * freeable);
			long done = 0;
			while (totalScan >= SHRINK_BATCH || totalScan >= freeable) {
				long nrToScan = Math.min(SHRINK_BATCH, totalScan);
				long got = r.shrinker.scanObjects(nrToScan);
				freed += got;
				totalScan -= nrToScan;
				done += nrToScan;
				if (got == 0) {
					break;
				}
			}
			r.nrDeferred = Math.min(Math.max(nr + delta - done, 0), 2 * freeable);
		}
		return freed;
	}
}
