package org.dmabufdio.runtime.fs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.PageWriteback;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.Vmscan;
import org.dmabufdio.runtime.util.Units;

/**
 * The flusher (fs/fs-writeback.c): files with dirty pages wait on the b_dirty list, oldest
 * first; background writeback starts above the background threshold, periodic writeback writes
 * what has been dirty for 30 s, and reclaim wakes it to write everything. The flusher runs on a
 * CPU of its own: only its I/O takes time, on the device, and whoever needs the pages clean
 * waits for that I/O. It runs lazily, catching up whenever the clock is looked at.
 */
public final class FsWriteback implements Vmscan.Flusher {

	/** dirty_writeback_centisecs: the periodic flusher wakes every 5 s. */
	static final long DIRTY_WRITEBACK_INTERVAL_NS = 5_000_000_000L;
	/** dirty_expire_centisecs: data dirty for 30 s is old enough to be written. */
	static final long DIRTY_EXPIRE_INTERVAL_NS = 30_000_000_000L;
	/** MIN_WRITEBACK_PAGES (4 MiB): writeback completes in chunks of this size. */
	static final long WRITEBACK_CHUNK_PAGES = 1024;

	/** A chunk of pages under writeback and when its I/O completes. */
	private record InFlight(long doneAt, long seq, AddressSpace mapping, long from, long to) {
	}

	private final Kernel k;
	private final PageWriteback pw;
	/** b_dirty: mappings with dirty pages and their dirtied_when, oldest first. */
	private final LinkedHashMap<AddressSpace, Long> dirty = new LinkedHashMap<>();
	private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(
			Comparator.comparingLong(InFlight::doneAt).thenComparingLong(InFlight::seq));
	private long submitted;
	private long nextKupdate = DIRTY_WRITEBACK_INTERVAL_NS;

	public FsWriteback(Kernel k, PageWriteback pw) {
		this.k = k;
		this.pw = pw;
	}

	/** {@code __mark_inode_dirty()}: a file's first dirty page puts it on b_dirty, stamped now. */
	public void markInodeDirty(AddressSpace mapping) {
		dirty.putIfAbsent(mapping, k.clock.now());
	}

	/**
	 * {@code balance_dirty_pages()}, after a write dirtied pages: with more dirty pages than
	 * the background threshold the flusher writes the excess ({@code wb_over_bg_thresh()}
	 * ignores pages already under writeback); with dirty and writeback pages together above the
	 * dirty threshold the writer waits for writeback until they are back under it (the kernel
	 * paces it; the simulation waits for the I/O that pacing would let finish).
	 */
	public void balanceDirtyPages() {
		catchUp();
		long[] limits = pw.domainDirtyLimits();
		long dirtyPages = pw.nrDirty();
		if (dirtyPages > limits[0]) {
			writeback(dirtyPages - limits[0], k.clock.now(), Long.MAX_VALUE);
		}
		waitForWriteback(limits[1]);
	}

	/** {@code wakeup_flusher_threads(WB_REASON_VMSCAN)}: reclaim met dirty pages; write them all. */
	@Override
	public void wakeupFlusherThreads() {
		writeback(Long.MAX_VALUE, k.clock.now(), Long.MAX_VALUE);
	}

	/**
	 * {@code reclaim_throttle(VMSCAN_THROTTLE_WRITEBACK)}: a direct reclaimer that freed nothing
	 * waits for the next writeback to complete, which may make pages reclaimable. False if no
	 * writeback is in flight.
	 */
	@Override
	public boolean reclaimThrottle() {
		InFlight next = inFlight.poll();
		if (next == null) {
			return false;
		}
		k.clock.waitUntil(next.doneAt);
		end(next);
		catchUp();
		return true;
	}

	/** Runs the flusher up to now: periodic writeback of expired files, and completed I/O. */
	@Override
	public void catchUp() {
		long now = k.clock.now();
		if (dirty.isEmpty() && nextKupdate <= now) { // nextKupdate stays on the interval's grid
			nextKupdate = now - now % DIRTY_WRITEBACK_INTERVAL_NS + DIRTY_WRITEBACK_INTERVAL_NS;
		}
		while (nextKupdate <= now && !dirty.isEmpty()) {
			// wb_check_old_data_flush(): write what was dirtied before the expire interval
			writeback(Long.MAX_VALUE, nextKupdate, nextKupdate - DIRTY_EXPIRE_INTERVAL_NS);
			nextKupdate += DIRTY_WRITEBACK_INTERVAL_NS;
		}
		while (!inFlight.isEmpty() && inFlight.peek().doneAt <= now) {
			end(inFlight.poll());
		}
	}

	/** Waits until dirty and under-writeback pages are at most {@code target}, or none is in flight. */
	void waitForWriteback(long target) {
		while (pw.nrDirtyAndWriteback() > target && !inFlight.isEmpty()) {
			InFlight next = inFlight.poll();
			k.clock.waitUntil(next.doneAt);
			end(next);
		}
	}

	/**
	 * {@code wb_writeback()} → {@code writeback_sb_inodes()}: up to {@code nrPages} dirty pages
	 * of the files dirtied before {@code olderThan}, oldest file first, submitted at {@code at}.
	 */
	private void writeback(long nrPages, long at, long olderThan) {
		long left = nrPages;
		Iterator<Map.Entry<AddressSpace, Long>> it = dirty.entrySet().iterator();
		while (left > 0 && it.hasNext()) {
			Map.Entry<AddressSpace, Long> e = it.next();
			if (e.getValue() > olderThan) {
				break; // b_dirty is in dirtying order
			}
			AddressSpace mapping = e.getKey();
			left -= writebackSingleInode(mapping, left, at);
			if (mapping.pages.countFlag(0, Long.MAX_VALUE >>> Units.PAGE_SHIFT, Pages.PG_DIRTY) == 0) {
				it.remove();
			}
		}
	}

	/**
	 * {@code writeback_single_inode()} → {@code do_writepages()}: the file's dirty pages in
	 * index order, up to {@code nrPages}, become writeback and go to its device as write bios.
	 * Returns the pages submitted.
	 */
	private long writebackSingleInode(AddressSpace mapping, long nrPages, long at) {
		Pages pages = mapping.pages;
		List<long[]> dirtyRuns = new ArrayList<>();
		long[] want = { nrPages };
		pages.flagRuns(0, Long.MAX_VALUE >>> Units.PAGE_SHIFT, (s, e, f) -> {
			if ((f & Pages.PG_DIRTY) != 0 && (f & Pages.PG_WRITEBACK) == 0 && want[0] > 0) {
				long n = Math.min(e - s, want[0]);
				dirtyRuns.add(new long[] { s, s + n });
				want[0] -= n;
			}
		});
		long done = 0;
		for (long[] run : dirtyRuns) {
			for (long[] started : pw.folioStartWriteback(pages, run[0], run[1])) {
				for (long c = started[0]; c < started[1]; c += WRITEBACK_CHUNK_PAGES) {
					long end = Math.min(started[1], c + WRITEBACK_CHUNK_PAGES);
					k.tick();
					long completes = mapping.host.fs.bdev().submitBio(at, (end - c) << Units.PAGE_SHIFT, true);
					inFlight.add(new InFlight(completes, submitted++, mapping, c, end));
					done += end - c;
				}
			}
		}
		return done;
	}

	/** The I/O of a chunk completed: {@code end_page_writeback()} for its pages. */
	private void end(InFlight f) {
		pw.folioEndWriteback(f.mapping.pages, f.from, f.to);
	}
}
