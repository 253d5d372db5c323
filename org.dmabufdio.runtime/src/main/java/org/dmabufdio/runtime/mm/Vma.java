package org.dmabufdio.runtime.mm;

import org.dmabufdio.runtime.util.RangeMap;

/**
 * A virtual memory area (struct vm_area_struct, include/linux/mm_types.h) and its page table,
 * kept as run-length pte state per virtual page number (vpn).
 */
public final class Vma {

	public final MmStruct mm;
	/** [start, end) in virtual page numbers. */
	long start;
	long end;
	long flags;
	/** vm_pgoff: the first page of the backing object this vma maps. */
	long pgoff;
	/** The pages mapped linearly from pgoff (page cache, shmem, dma-buf), or null if anonymous. */
	final Pages backing;
	/** vm_ops and vm_file; null for an anonymous vma. */
	final VmOps ops;
	/** The anon_vma: where anonymous pages born in this vma live; created on first need. */
	AnonVma anonVma;
	/** pte state by vpn; see {@link Pte}. */
	final RangeMap ptes = new RangeMap(Pte.NONE);
	/**
	 * A workload touches this memory over and over (a stressor's loop): whenever reclaim looks,
	 * its ptes have been accessed again since the last look.
	 */
	boolean alwaysReferenced;

	Vma(MmStruct mm, long start, long end, long flags, long pgoff, Pages backing, VmOps ops) {
		this.mm = mm;
		this.start = start;
		this.end = end;
		this.flags = flags;
		this.pgoff = pgoff;
		this.backing = backing;
		this.ops = ops;
	}

	public long start() {
		return start;
	}

	public long end() {
		return end;
	}

	public long pages() {
		return end - start;
	}

	public long flags() {
		return flags;
	}

	public long pgoff() {
		return pgoff;
	}

	public VmOps ops() {
		return ops;
	}

	public Pages backing() {
		return backing;
	}

	public boolean hasFlag(long flag) {
		return (flags & flag) != 0;
	}

	/**
	 * Moves vm_pgoff by {@code pages}: for exporters whose buffer starts inside a larger page
	 * owner, so that {@link #backingIndex} lands on the owner's page.
	 */
	public void shiftPgoff(long pages) {
		pgoff += pages;
	}

	/** Marks this memory as touched continuously by its process (see {@link #alwaysReferenced}). */
	public void markAlwaysReferenced() {
		alwaysReferenced = true;
	}

	/** vm_flags_set(). */
	public void setFlags(long flag) {
		flags |= flag;
	}

	/** vma_is_anonymous(): no vm_ops. */
	public boolean isAnonymous() {
		return ops == null;
	}

	/** The backing page a vpn maps when its pte is not {@link Pte#ANON}. */
	public long backingIndex(long vpn) {
		return pgoff + (vpn - start);
	}

	/** The page table: pte state by vpn (read-only use outside mm). */
	public RangeMap ptes() {
		return ptes;
	}

	/** The pte of a vpn. */
	public long pte(long vpn) {
		return ptes.get(vpn);
	}

	/** The smaps name of this mapping. */
	public String name() {
		return ops == null ? "" : ops.name();
	}

	@Override
	public String toString() {
		return String.format("%x-%x %s", start << 12, end << 12, VmFlags.mnemonics(flags));
	}
}
