package org.dmabufdio.runtime.fs;

import static org.dmabufdio.runtime.kernel.Errno.ENOMEM;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Gfp;
import org.dmabufdio.runtime.mm.NodeStat;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.Pte;
import org.dmabufdio.runtime.mm.VmEvent;
import org.dmabufdio.runtime.mm.VmOps;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * The page cache (mm/filemap.c): adding and removing folios, the buffered read loop
 * ({@code filemap_read()}) and dirtying. Readahead decisions are in {@link Readahead}.
 */
public final class Filemap {

	private final Kernel k;

	public Filemap(Kernel k) {
		this.k = k;
	}

	/**
	 * {@code filemap_add_folio()} for the pages of [from, from + n), which must not be cached:
	 * allocates them with {@code gfp}, accounts NR_FILE_PAGES (and NR_SHMEM) and puts them on
	 * the inactive LRU. Returns how many pages were added (fewer if memory ran out).
	 */
	public long addFolios(AddressSpace mapping, long from, long n, long gfp) {
		long[] next = { from };
		Pages pages = mapping.pages;
		long got = k.pageAlloc.allocPagesBulk(gfp, n, (pfn, count) -> {
			pages.install(next[0], count, pfn);
			next[0] += count;
		});
		if (got == 0) {
			return 0;
		}
		k.vmstat.mod(NodeStat.NR_FILE_PAGES, got);
		if (pages.kind == Pages.Kind.SHMEM) {
			k.vmstat.mod(NodeStat.NR_SHMEM, got);
		}
		k.lru.add(pages, from, from + got, false);
		k.costs.charge(Cost.ALLOC_ORDER0_NS, got);
		k.costs.charge(Cost.PAGE_CACHE_INSERT_NS, got);
		return got;
	}

	/**
	 * {@code invalidate_mapping_pages()}: drops the cached pages of [from, to) that no pte maps,
	 * no pin holds and that are clean and not under writeback; returns how many it freed.
	 */
	public long removeFolios(AddressSpace mapping, long from, long to) {
		Pages pages = mapping.pages;
		List<long[]> victims = new ArrayList<>();
		pages.forEachResident(from, to, (s, e, pfn) -> pages.mapcountRuns(s, e, (s2, e2, maps) -> {
			if (maps == 0) {
				pages.pincountRuns(s2, e2, (s3, e3, pins) -> {
					if (pins == 0) {
						pages.flagRuns(s3, e3, (s4, e4, f) -> {
							if ((f & (Pages.PG_DIRTY | Pages.PG_WRITEBACK)) == 0) {
								victims.add(new long[] { s4, e4 });
							}
						});
					}
				});
			}
		}));
		long freed = 0;
		for (long[] v : victims) {
			freed += deleteFromPageCache(mapping, v[0], v[1]);
		}
		return freed;
	}

	/**
	 * {@code filemap_remove_folio()} + {@code folio_put()} of pages [from, to), which the
	 * caller (reclaim, invalidation) found clean, unmapped and unpinned: off the LRU, out of the
	 * page cache, back to the allocator. Returns the pages freed.
	 */
	public long deleteFromPageCache(AddressSpace mapping, long from, long to) {
		Pages pages = mapping.pages;
		k.lru.removeFreed(pages, from, to);
		long freed = 0;
		for (long s = from; s < to;) {
			long e = Math.min(to, pages.pfnRunEnd(s));
			long pfn = pages.pfn(s);
			if (pfn != Pages.NO_PAGE) {
				k.pageAlloc.freePages(pfn, e - s);
				freed += e - s;
			}
			s = e;
		}
		pages.remove(from, to);
		k.vmstat.mod(NodeStat.NR_FILE_PAGES, -freed);
		if (pages.kind == Pages.Kind.SHMEM) {
			k.vmstat.mod(NodeStat.NR_SHMEM, -freed);
		}
		return freed;
	}

	/**
	 * {@code folio_mark_dirty()}: pages that were clean become dirty; regular file pages count
	 * in NR_FILE_DIRTY and put their file on the flusher's list (shmem has no writeback).
	 */
	public void folioMarkDirty(Pages pages, long from, long to) {
		long clean = pages.residentPages(from, to) - pages.countFlag(from, to, Pages.PG_DIRTY);
		pages.setFlags(from, to, Pages.PG_DIRTY);
		if (pages.kind == Pages.Kind.FILE && clean > 0) {
			k.vmstat.mod(NodeStat.NR_FILE_DIRTY, clean);
			if (pages.reclaimOwner() instanceof AddressSpace mapping) {
				k.writeback.markInodeDirty(mapping);
			}
		}
	}

	/**
	 * {@code filemap_read()}: the buffered read loop. Missing pages start synchronous readahead,
	 * a PG_readahead marker starts the next window early, each run of pages is waited for
	 * until its I/O completes and then copied to {@code sink} and marked accessed. Returns the
	 * bytes read, or -errno if nothing could be read.
	 */
	public long filemapRead(OpenFile file, long pos, long count, ReadSink sink) {
		Inode inode = file.inode;
		AddressSpace mapping = inode.mapping;
		if (pos >= inode.size || count <= 0) {
			return 0;
		}
		count = Math.min(count, inode.size - pos);
		long end = pos + count;
		long index = pos >>> Units.PAGE_SHIFT;
		long last = (end + Units.PAGE_SIZE - 1) >>> Units.PAGE_SHIFT;
		long copied = 0;
		while (index < last) {
			k.tick();
			if (!mapping.pages.isResident(index)) {
				k.readahead.pageCacheSyncRa(file, index, last - index);
				if (!mapping.pages.isResident(index)
						&& addFolios(mapping, index, 1, Gfp.GFP_HIGHUSER_MOVABLE) == 1) {
					k.readahead.readPages(inode, index, index + 1); // filemap_create_folio()
				}
				if (!mapping.pages.isResident(index)) {
					return copied > 0 ? copied : -ENOMEM;
				}
			}
			if (mapping.pages.testClearReadahead(index)) {
				k.readahead.pageCacheAsyncRa(file, index, last - index);
			}
			long runEnd = runEnd(mapping.pages, index, last);
			long before = copied;
			copied += copyRun(mapping, index, runEnd, pos, end, sink);
			long wanted = Math.min(runEnd << Units.PAGE_SHIFT, end) - Math.max(index << Units.PAGE_SHIFT, pos);
			if (copied - before < wanted) {
				break; // the destination faulted: a short read
			}
			index = runEnd;
		}
		file.ra.prevPos = pos + copied;
		return copied;
	}

	/** fault_around_bytes / PAGE_SIZE: read faults map this many cached neighbours at once. */
	static final long FAULT_AROUND_PAGES = 16;

	/**
	 * {@code filemap_fault()}: the page at {@code vpn} of a file mapping. A miss starts mmap
	 * read-around ({@code do_sync_mmap_readahead()}) and waits for the read (a major fault); a
	 * hit on a PG_readahead page starts the next window ({@code do_async_mmap_readahead()}).
	 * Then {@code do_fault_around()} maps the cached pages of the aligned 16-page window, except
	 * readahead marks, which must fault themselves. Returns 0, VM_FAULT_SIGBUS beyond EOF, or
	 * -ENOMEM.
	 */
	public long filemapFault(OpenFile file, Vma vma, long vpn) {
		Inode inode = file.inode;
		AddressSpace mapping = inode.mapping;
		long index = vma.backingIndex(vpn);
		if (index << Units.PAGE_SHIFT >= inode.size) {
			return VmOps.VM_FAULT_SIGBUS;
		}
		if (!mapping.pages.isResident(index)) {
			k.vmstat.count(VmEvent.PGMAJFAULT, 1);
			doSyncMmapReadahead(file, index);
			if (!mapping.pages.isResident(index)) {
				if (addFolios(mapping, index, 1, Gfp.GFP_HIGHUSER_MOVABLE) != 1) {
					return -ENOMEM;
				}
				k.readahead.readPages(inode, index, index + 1);
			}
		} else if (mapping.pages.testClearReadahead(index)) {
			k.readahead.pageCacheAsyncRa(file, index, file.ra.raPages); // do_async_mmap_readahead()
		}
		long winStart = Math.max(vma.start(), vpn & -FAULT_AROUND_PAGES);
		long winEnd = Math.min(vma.end(), winStart + FAULT_AROUND_PAGES);
		long eof = (inode.size + Units.PAGE_SIZE - 1) >>> Units.PAGE_SHIFT;
		List<long[]> map = new ArrayList<>();
		long first = vma.backingIndex(winStart);
		mapping.pages.forEachResident(first, Math.min(first + (winEnd - winStart), eof), (s, e, pfn) -> {
			long from = vma.start() + (s - vma.pgoff());
			vma.ptes().forEach(from, from + (e - s), (vs, ve, pte) -> {
				if (pte == Pte.NONE) {
					map.add(new long[] { vs, ve });
				}
			});
		});
		for (long[] r : map) {
			long idx = vma.backingIndex(r[0]);
			long idxEnd = idx + (r[1] - r[0]);
			for (long s = idx; s < idxEnd;) { // filemap_map_pages() skips readahead marks
				long mark = mapping.pages.firstReadahead(s, idxEnd);
				long e = mark < 0 ? idxEnd : mark;
				if (s < e) {
					k.clock.waitUntil(mapping.readyBy(s, e));
					k.memory.setPteRange(vma, r[0] + (s - idx), e - s, false);
				}
				s = e + (mark < 0 ? 0 : 1);
			}
		}
		return 0;
	}

	/**
	 * {@code do_sync_mmap_readahead()}: mmap read-around, a window of ra_pages centred on the
	 * fault with its last quarter marked for async readahead, recorded in the file's ra state.
	 */
	private void doSyncMmapReadahead(OpenFile file, long index) {
		FileRaState ra = file.ra;
		long raPages = ra.raPages;
		if (raPages == 0) {
			return;
		}
		ra.start = Math.max(0, index - raPages / 2);
		ra.size = raPages;
		ra.asyncSize = raPages / 4;
		k.readahead.doPageCacheRa(file.inode, ra.start, ra.size, ra.asyncSize);
	}

	/** The end of the run of resident pages from {@code index}, stopping before a readahead mark. */
	private static long runEnd(Pages pages, long index, long last) {
		long end = pages.residentRunEnd(index, last);
		long mark = pages.firstReadahead(index + 1, end);
		return mark > 0 ? mark : end;
	}

	/** Waits for and copies the pages of [from, to), run by run of I/O completion. */
	private long copyRun(AddressSpace mapping, long from, long to, long pos, long end, ReadSink sink) {
		long copied = 0;
		for (long s = from; s < to;) {
			long e = Math.min(to, mapping.readyAt.nextChange(s));
			k.clock.waitUntil(mapping.readyAt.get(s));
			long bytes = Math.min(e << Units.PAGE_SHIFT, end) - Math.max(s << Units.PAGE_SHIFT, pos);
			long took = sink.accept(bytes);
			copied += took;
			if (took < bytes) {
				break;
			}
			s = e;
		}
		k.costs.charge(Cost.PAGE_CACHE_LOOKUP_NS, to - from);
		k.lru.markAccessed(mapping.pages, from, to);
		return copied;
	}
}
