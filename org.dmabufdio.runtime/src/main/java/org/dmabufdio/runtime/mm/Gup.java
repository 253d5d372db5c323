package org.dmabufdio.runtime.mm;

import static org.dmabufdio.runtime.kernel.Errno.EFAULT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.time.Cost;

/**
 * get_user_pages and its pinning variants (mm/gup.c): the lockless fast walk that gives up on
 * special ptes, and the slow path that checks the vma ({@code check_vma_flags()}) and faults
 * pages in. Pins are counted per page, so hazards like a pin outliving a dma-buf are visible.
 */
public final class Gup {

	public static final int FOLL_WRITE = 0x01;
	public static final int FOLL_GET = 0x04;
	public static final int FOLL_FORCE = 0x10;
	public static final int FOLL_ANON = 0x40;
	public static final int FOLL_LONGTERM = 0x100;
	public static final int FOLL_PIN = 0x200;
	public static final int FOLL_FAST_ONLY = 0x400;

	/** Pages pinned by one call, to be unpinned by {@link Gup#unpinUserPages}. */
	public static final class PinnedPages {
		final List<long[]> ranges = new ArrayList<>();
		final List<Pages> owners = new ArrayList<>();
		long count;

		void add(Pages pages, long from, long to) {
			owners.add(pages);
			ranges.add(new long[] { from, to });
			count += to - from;
		}

		public long count() {
			return count;
		}

		/** The owners whose pages are pinned, in pin order. */
		public List<Pages> owners() {
			return Collections.unmodifiableList(owners);
		}
	}

	private final Kernel k;

	public Gup(Kernel k) {
		this.k = k;
	}

	/**
	 * {@code pin_user_pages_fast()}: pins {@code nrPages} user pages from {@code vpn}. Returns
	 * the number pinned, or -errno if the first page could not be pinned.
	 */
	public long pinUserPagesFast(MmStruct mm, long vpn, long nrPages, int gupFlags, PinnedPages out) {
		int flags = gupFlags | FOLL_PIN;
		long nr = gupFast(mm, vpn, nrPages, flags, out);
		if (nr == nrPages || (flags & FOLL_FAST_ONLY) != 0) {
			return nr;
		}
		long ret = getUserPages(mm, vpn + nr, nrPages - nr, flags, out);
		if (ret < 0) {
			return nr > 0 ? nr : ret;
		}
		return nr + ret;
	}

	/**
	 * {@code gup_fast()} → {@code gup_fast_pte_range()}: walks the page tables without taking
	 * the mmap lock and stops at the first pte it cannot handle: not present, special, or
	 * read-only for a write pin. Returns how many pages it pinned.
	 */
	long gupFast(MmStruct mm, long vpn, long nrPages, int flags, PinnedPages out) {
		long done = 0;
		while (done < nrPages) {
			Vma vma = mm.findVma(vpn + done);
			if (vma == null) {
				return done;
			}
			long limit = Math.min(vma.end, vpn + nrPages);
			long[] stop = { -1 };
			List<long[]> ok = new ArrayList<>();
			vma.ptes.forEach(vpn + done, limit, (s, e, pte) -> {
				if (stop[0] >= 0) {
					return;
				}
				if (!Pte.present(pte) || Pte.special(pte) || ((flags & FOLL_WRITE) != 0 && !Pte.write(pte))) {
					stop[0] = s;
					return;
				}
				ok.add(new long[] { s, e, pte });
			});
			for (long[] r : ok) {
				grab(vma, r[0], r[1], r[2], out);
				done += r[1] - r[0];
			}
			if (stop[0] >= 0) {
				return done;
			}
		}
		return done;
	}

	/**
	 * {@code __get_user_pages()}: per vma, {@code check_vma_flags()}; then per page,
	 * {@code follow_page_mask()} or, failing that, {@code faultin_page()} and a retry.
	 */
	long getUserPages(MmStruct mm, long vpn, long nrPages, int flags, PinnedPages out) {
		long done = 0;
		while (done < nrPages) {
			long at = vpn + done;
			Vma vma = mm.findVma(at);
			if (vma == null) {
				return done > 0 ? done : -EFAULT;
			}
			long ret = checkVmaFlags(vma, flags);
			if (ret < 0) {
				return done > 0 ? done : ret;
			}
			long n = Math.min(vma.end, vpn + nrPages) - at;
			boolean write = (flags & FOLL_WRITE) != 0;
			ret = k.memory.handleMmFault(vma, at, n, write);
			if (ret < 0) {
				return done > 0 ? done : ret;
			}
			List<long[]> runs = new ArrayList<>();
			vma.ptes.forEach(at, at + n, (s, e, pte) -> runs.add(new long[] { s, e, pte }));
			for (long[] r : runs) {
				if (Pte.special(r[2])) {
					// follow_page_pte(): vm_normal_page() is NULL; only the zero page may be pinned
					if (!vma.isAnonymous()) {
						return done > 0 ? done : -EFAULT;
					}
				} else {
					grab(vma, r[0], r[1], r[2], out);
				}
				done += r[1] - r[0];
			}
		}
		return done;
	}

	/**
	 * {@code check_vma_flags()}: GUP refuses VM_IO and VM_PFNMAP mappings (-EFAULT), FOLL_ANON
	 * on a file mapping, long-term write pins of file mappings needing dirty tracking, and
	 * writes to read-only mappings.
	 */
	public static long checkVmaFlags(Vma vma, int gupFlags) {
		long vmFlags = vma.flags;
		boolean write = (gupFlags & FOLL_WRITE) != 0;
		if ((vmFlags & (VmFlags.VM_IO | VmFlags.VM_PFNMAP)) != 0) {
			return -EFAULT;
		}
		if ((gupFlags & FOLL_ANON) != 0 && !vma.isAnonymous()) {
			return -EFAULT;
		}
		if (write) {
			if (!vma.isAnonymous() && !writableFileMappingAllowed(vma, gupFlags)) {
				return -EFAULT;
			}
			if ((vmFlags & VmFlags.VM_WRITE) == 0) {
				if ((gupFlags & FOLL_FORCE) == 0 || !VmFlags.isCowMapping(vmFlags)) {
					return -EFAULT;
				}
			}
		} else if ((vmFlags & VmFlags.VM_READ) == 0) {
			if ((gupFlags & FOLL_FORCE) == 0 || (vmFlags & VmFlags.VM_MAYREAD) == 0) {
				return -EFAULT;
			}
		}
		return 0;
	}

	/**
	 * {@code writable_file_mapping_allowed()}: a long-term write pin of a file mapping the
	 * filesystem writes back would let the device dirty pages behind the filesystem's back.
	 */
	static boolean writableFileMappingAllowed(Vma vma, int gupFlags) {
		if ((gupFlags & (FOLL_PIN | FOLL_LONGTERM)) != (FOLL_PIN | FOLL_LONGTERM)) {
			return true;
		}
		return !vmaNeedsDirtyTracking(vma);
	}

	/** {@code vma_needs_dirty_tracking()}: a shared writable mapping of a file with writeback. */
	static boolean vmaNeedsDirtyTracking(Vma vma) {
		long shared = VmFlags.VM_SHARED | VmFlags.VM_WRITE;
		if ((vma.flags & shared) != shared || vma.hasFlag(VmFlags.VM_PFNMAP)) {
			return false;
		}
		return vma.ops != null && vma.ops.canWriteback();
	}

	/** {@code try_grab_folio(FOLL_PIN)}: one more pin on each page of a pte run. */
	private void grab(Vma vma, long from, long to, long pte, PinnedPages out) {
		Pages pages;
		long first;
		if (Pte.anon(pte)) {
			pages = k.anonVmas.get(Pte.sourceId(pte)).pages;
			first = from;
		} else {
			pages = vma.backing;
			first = vma.backingIndex(from);
		}
		long n = to - from;
		pages.pincount.add(first, first + n, 1);
		out.add(pages, first, first + n);
		k.costs.charge(Cost.GUP_PIN_NS, n);
		if (pages.kind == Pages.Kind.DMABUF) {
			k.findings.report(Hazard.PINNED_DMABUF_PAGE, "pin_user_pages_fast", pages.name,
					pages.name + ": GUP pinned exporter-owned pages for " + vma.mm.owner);
		}
	}

	/**
	 * {@code unpin_user_pages_dirty_lock()}: drops the pins; with {@code makeDirty} the pages are
	 * marked dirty first (the device wrote them). The owner is told, so pages nobody maps or
	 * pins any more (unmapped anonymous pages, a released dma-buf) can be freed.
	 */
	public void unpinUserPages(PinnedPages pinned, boolean makeDirty) {
		for (int i = 0; i < pinned.owners.size(); i++) {
			Pages pages = pinned.owners.get(i);
			long from = pinned.ranges.get(i)[0];
			long to = pinned.ranges.get(i)[1];
			if (makeDirty) {
				if (pages.kind == Pages.Kind.FILE || pages.kind == Pages.Kind.SHMEM) {
					k.filemap.folioMarkDirty(pages, from, to);
				} else {
					pages.setFlags(from, to, Pages.PG_DIRTY);
				}
			}
			pages.pincount.add(from, to, -1);
			if (pages.onUnpin != null) {
				pages.onUnpin.unpinned(pages, from, to);
			}
		}
		pinned.owners.clear();
		pinned.ranges.clear();
		pinned.count = 0;
	}
}
