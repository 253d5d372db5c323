package org.dmabufdio.runtime.mm;

/** Allocation flags (include/linux/gfp_types.h); only the bits the simulator acts on. */
public final class Gfp {

	public static final long __GFP_DMA32 = 1L << 2;
	public static final long __GFP_HIGHMEM = 1L << 1;
	public static final long __GFP_MOVABLE = 1L << 3;
	public static final long __GFP_HIGH = 1L << 5;
	public static final long __GFP_IO = 1L << 6;
	public static final long __GFP_FS = 1L << 7;
	public static final long __GFP_ZERO = 1L << 8;
	public static final long __GFP_DIRECT_RECLAIM = 1L << 10;
	public static final long __GFP_KSWAPD_RECLAIM = 1L << 11;
	public static final long __GFP_NOWARN = 1L << 13;
	public static final long __GFP_RETRY_MAYFAIL = 1L << 14;
	public static final long __GFP_NOFAIL = 1L << 15;
	public static final long __GFP_NORETRY = 1L << 16;
	public static final long __GFP_COMP = 1L << 18;
	public static final long __GFP_HARDWALL = 1L << 20;
	public static final long __GFP_ACCOUNT = 1L << 22;

	public static final long __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM;
	public static final long GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS;
	public static final long GFP_USER = __GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL;
	public static final long GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM;
	public static final long GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE;

	private Gfp() {
	}

	public static boolean has(long gfp, long flag) {
		return (gfp & flag) != 0;
	}
}
