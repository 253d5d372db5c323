package org.dmabufdio.runtime.mm;

/**
 * The state of one pte, as the bits the simulator keeps per page table entry
 * (arch pgtable helpers: pte_present, pte_special, pte_write, pte_dirty, pte_young). A present
 * pte maps page {@code vm_pgoff + (vpn - vm_start)} of the vma's backing object, or, with
 * {@link #ANON}, page {@code vpn} of the anonymous page owner whose id is in the high bits.
 */
public final class Pte {

	public static final long NONE = 0;
	public static final long PRESENT = 1;
	/** pte_special(): maps a pfn without a struct page reference (remap_pfn_range, vmf_insert_pfn). */
	public static final long SPECIAL = 1 << 1;
	public static final long WRITE = 1 << 2;
	public static final long DIRTY = 1 << 3;
	public static final long YOUNG = 1 << 4;
	/** Maps an anonymous page (a COW copy or an anonymous fault), not the backing object. */
	public static final long ANON = 1 << 5;
	/** A swap entry: not present, the page is in swap. */
	public static final long SWAP = 1 << 6;

	private static final int SOURCE_SHIFT = 32;
	private static final long FLAG_MASK = (1L << SOURCE_SHIFT) - 1;

	private Pte() {
	}

	public static boolean present(long pte) {
		return (pte & PRESENT) != 0;
	}

	public static boolean special(long pte) {
		return (pte & SPECIAL) != 0;
	}

	public static boolean write(long pte) {
		return (pte & WRITE) != 0;
	}

	public static boolean dirty(long pte) {
		return (pte & DIRTY) != 0;
	}

	public static boolean young(long pte) {
		return (pte & YOUNG) != 0;
	}

	public static boolean anon(long pte) {
		return (pte & ANON) != 0;
	}

	public static boolean swap(long pte) {
		return (pte & SWAP) != 0;
	}

	public static boolean none(long pte) {
		return pte == NONE;
	}

	/** A present pte mapping an anonymous page of owner {@code sourceId}. */
	public static long anonPte(int sourceId, long flags) {
		return ((long) sourceId << SOURCE_SHIFT) | (flags & FLAG_MASK) | ANON;
	}

	/** The id of the anonymous page owner an {@link #ANON} or swap pte refers to. */
	public static int sourceId(long pte) {
		return (int) (pte >>> SOURCE_SHIFT);
	}

	public static long flags(long pte) {
		return pte & FLAG_MASK;
	}

	/** pte_wrprotect(). */
	public static long wrprotect(long pte) {
		return pte & ~WRITE;
	}

	/** pte_mkold(). */
	public static long mkold(long pte) {
		return pte & ~YOUNG;
	}

	/** pte_mkclean(). */
	public static long mkclean(long pte) {
		return pte & ~DIRTY;
	}
}
