package org.dmabufdio.runtime.fs;


import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Gfp;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.VmEvent;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * Readahead (mm/readahead.c): the on-demand window that starts small and doubles up to
 * ra_pages (or the device's io_pages for large reads), the async marker that starts the next
 * window while the current one is consumed, and the reads it submits.
 */
public final class Readahead {

	private final Kernel k;

	public Readahead(Kernel k) {
		this.k = k;
	}

	/** {@code page_cache_sync_ra()}: a cache miss at {@code index}. */
	public void pageCacheSyncRa(OpenFile file, long index, long reqCount) {
		if (file.ra.raPages == 0) {
			doPageCacheRa(file.inode, index, reqCount, 0); // readahead disabled: read what is asked
			return;
		}
		ondemandReadahead(file, false, index, reqCount);
	}

	/** {@code page_cache_async_ra()}: the reader reached a PG_readahead page. */
	public void pageCacheAsyncRa(OpenFile file, long index, long reqCount) {
		if (file.ra.raPages == 0) {
			return;
		}
		ondemandReadahead(file, true, index, reqCount);
	}

	/** {@code get_init_ra_size()}: the first window, 4x or 2x the request, up to the maximum. */
	static long getInitRaSize(long size, long max) {
		long newsize = Long.highestOneBit(Math.max(1, size - 1)) << 1;
		if (size == 1) {
			newsize = 1;
		}
		if (newsize <= max / 32) {
			return newsize * 4;
		}
		if (newsize <= max / 4) {
			return newsize * 2;
		}
		return max;
	}

	/** {@code get_next_ra_size()}: the next window grows 4x while small, then 2x, up to max. */
	static long getNextRaSize(long cur, long max) {
		if (cur < max / 16) {
			return 4 * cur;
		}
		if (cur <= max / 2) {
			return 2 * cur;
		}
		return max;
	}

	/** {@code ondemand_readahead()} (before page_cache_ra_order() split it further). */
	void ondemandReadahead(OpenFile file, boolean hitMarker, long index, long reqSize) {
		FileRaState ra = file.ra;
		long maxPages = ra.raPages;
		long ioPages = file.inode.fs.bdev().ioPages();
		if (reqSize > maxPages && ioPages > maxPages) {
			maxPages = Math.min(reqSize, ioPages);
		}
		boolean initial = index == 0;
		if (!initial) {
			long expected = ra.start + ra.size - ra.asyncSize;
			if (index == expected || index == ra.start + ra.size) {
				ra.start += ra.size;
				ra.size = getNextRaSize(ra.size, maxPages);
				ra.asyncSize = ra.size;
				readit(file, index, maxPages);
				return;
			}
			if (hitMarker) {
				long start = nextMiss(file.inode.mapping.pages, index + 1, index + maxPages);
				ra.start = start;
				ra.size = start - index + reqSize;
				ra.size = getNextRaSize(ra.size, maxPages);
				ra.asyncSize = ra.size;
				readit(file, index, maxPages);
				return;
			}
			long prevIndex = ra.prevPos < 0 ? -2 : ra.prevPos >>> Units.PAGE_SHIFT;
			initial = reqSize > maxPages || index - prevIndex <= 1;
			if (!initial) {
				doPageCacheRa(file.inode, index, reqSize, 0); // a small random read
				return;
			}
		}
		ra.start = index;
		ra.size = getInitRaSize(reqSize, maxPages);
		ra.asyncSize = ra.size > reqSize ? ra.size - reqSize : ra.size;
		readit(file, index, maxPages);
	}

	private void readit(OpenFile file, long index, long maxPages) {
		FileRaState ra = file.ra;
		if (index == ra.start && ra.size == ra.asyncSize) {
			long add = getNextRaSize(ra.size, maxPages);
			if (ra.size + add <= maxPages) {
				ra.asyncSize = add;
				ra.size += add;
			} else {
				ra.size = maxPages;
				ra.asyncSize = maxPages >> 1;
			}
		}
		doPageCacheRa(file.inode, ra.start, ra.size, ra.asyncSize);
	}

	private static long nextMiss(Pages pages, long from, long to) {
		long[] miss = { to };
		pages.forEachHole(from, to, (s, e, v) -> miss[0] = Math.min(miss[0], s));
		return miss[0];
	}

	/**
	 * {@code do_page_cache_ra()} → {@code page_cache_ra_unbounded()}: allocates the missing pages
	 * of the window (clamped to EOF) with the readahead gfp (no retries), marks the page
	 * {@code nrToRead - lookahead} with PG_readahead and submits the reads.
	 */
	void doPageCacheRa(Inode inode, long index, long nrToRead, long lookahead) {
		if (inode.size == 0) {
			return;
		}
		long endIndex = (inode.size - 1) >>> Units.PAGE_SHIFT;
		if (index > endIndex) {
			return;
		}
		nrToRead = Math.min(nrToRead, endIndex - index + 1);
		AddressSpace mapping = inode.mapping;
		long gfp = Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_NORETRY | Gfp.__GFP_NOWARN; // readahead_gfp_mask()
		long mark = lookahead > 0 ? index + nrToRead - lookahead : -1;
		long end = index + nrToRead;
		for (long s = index; s < end;) {
			long e = Math.min(end, mapping.pages.pfnRunEnd(s));
			if (!mapping.pages.isResident(s)) { // a hole: allocate it and read it
				long got = k.filemap.addFolios(mapping, s, e - s, gfp);
				if (got > 0) {
					readPages(inode, s, s + got);
				}
				// marked after the submission (the kernel marks it while adding): nothing looks
				// in between
				if (mark >= s && mark < s + got) {
					mapping.pages.setReadahead(mark);
				}
				if (got < e - s) {
					break; // out of memory: read what was allocated
				}
			}
			s = e;
		}
	}

	/**
	 * {@code read_pages()}: submits reads for cached-but-not-uptodate pages [from, to) and
	 * records when they complete. The completion work (folio_end_read() per page) is charged
	 * with the submission: with rq_affinity it runs on the submitting CPU.
	 */
	void readPages(Inode inode, long from, long to) {
		long perRequest = Math.max(1, inode.fs.bdev().maxRequestBytes() >>> Units.PAGE_SHIFT);
		for (long s = from; s < to; s += perRequest) {
			k.tick();
			long e = Math.min(to, s + perRequest);
			k.costs.charge(Cost.READAHEAD_SUBMIT_NS, 1);
			k.costs.charge(Cost.BIO_PAGE_COMPLETE_NS, e - s); // completions run on the submitting CPU
			long done = inode.fs.bdev().submitBio(k.clock.now(), (e - s) << Units.PAGE_SHIFT, false);
			inode.mapping.readCompletesAt(s, e, done); // each request's pages are usable when it completes
		}
		inode.mapping.pages.setFlags(from, to, Pages.PG_UPTODATE);
	}
}
