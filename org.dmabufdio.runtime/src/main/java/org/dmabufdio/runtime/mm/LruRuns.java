package org.dmabufdio.runtime.mm;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import org.dmabufdio.runtime.mm.Lru.Entry;

/**
 * One LRU list or generation as a queue of runs of pages of one owner, newest first. A run holds
 * the pages of [from, to) of its owner that still carry its id in {@code lruSeq}: a page that
 * leaves simply stops matching, an id is never given back, so {@code from} moves past pages found
 * gone and each is skipped once. Cost is per run, never per page.
 */
final class LruRuns {

	private static final class Run {
		final Pages owner;
		long from;
		long to;
		final long id;

		Run(Pages owner, long from, long to, long id) {
			this.owner = owner;
			this.from = from;
			this.to = to;
			this.id = id;
		}
	}

	private final ArrayDeque<Run> runs = new ArrayDeque<>();

	/**
	 * Pages [from, to) of {@code owner} join the new end (the old end if {@code atOldEnd}), under
	 * {@code id} unless they continue the newest run (the next pages of a sequential stream),
	 * which then grows: same order, one run. Returns the id the pages carry now.
	 */
	long add(Pages owner, long from, long to, long id, boolean atOldEnd) {
		Run newest = atOldEnd ? null : runs.peekFirst();
		if (newest != null && newest.owner == owner && newest.to == from) {
			newest.to = to;
			id = newest.id;
		} else if (atOldEnd) {
			runs.addLast(new Run(owner, from, to, id));
		} else {
			runs.addFirst(new Run(owner, from, to, id));
		}
		owner.lruSeq.set(from, to, id);
		return id;
	}

	/**
	 * Appends to {@code out} up to {@code max} pages from the old end, as runs, oldest first;
	 * they stay where they are until the caller moves or frees them. Runs found empty at the old
	 * end are dropped.
	 */
	void oldest(long max, List<Entry> out) {
		Iterator<Run> it = runs.descendingIterator();
		long n = 0;
		boolean atOldEnd = true;
		while (it.hasNext() && n < max) {
			Run run = it.next();
			int before = out.size();
			long firstLive = run.to;
			for (long s = run.from; s < run.to;) {
				long e = Math.min(run.to, run.owner.lruSeq.nextChange(s));
				if (run.owner.lruSeq.get(s) == run.id) {
					firstLive = Math.min(firstLive, s);
					if (n < max) {
						long take = Math.min(e - s, max - n);
						out.add(new Entry(run.owner, s, s + take));
						n += take;
					}
				}
				s = e;
			}
			run.from = firstLive;
			if (out.size() == before && atOldEnd) {
				it.remove(); // nothing of it is left here
			} else {
				atOldEnd = false;
			}
		}
	}

	/** Visits the live runs, newest first, as (owner, from, to). */
	void forEachLive(LiveRunVisitor visitor) {
		for (Run run : runs) {
			for (long s = run.from; s < run.to;) {
				long e = Math.min(run.to, run.owner.lruSeq.nextChange(s));
				if (run.owner.lruSeq.get(s) == run.id) {
					visitor.run(run.owner, s, e);
				}
				s = e;
			}
		}
	}

	@FunctionalInterface
	interface LiveRunVisitor {
		void run(Pages owner, long from, long to);
	}

	void clear() {
		runs.clear();
	}
}
