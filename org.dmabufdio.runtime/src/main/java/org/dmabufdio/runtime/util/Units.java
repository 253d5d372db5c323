package org.dmabufdio.runtime.util;

/** Page arithmetic, as the kernel's PAGE_SHIFT family. */
public final class Units {

	public static final int PAGE_SHIFT = 12;
	public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
	public static final long KIB = 1024;
	public static final long MIB = KIB * 1024;
	public static final long GIB = MIB * 1024;
	public static final long TIB = GIB * 1024;

	private Units() {
	}

	/** PAGE_ALIGN(): rounds a byte count up to whole pages. */
	public static long pageAlign(long bytes) {
		return (bytes + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	}

	/** Pages needed to hold {@code bytes} (DIV_ROUND_UP by PAGE_SIZE). */
	public static long pagesFor(long bytes) {
		return pageAlign(bytes) >>> PAGE_SHIFT;
	}

	/** Pages as kB, the unit /proc prints ({@code K(x)} in fs/proc/meminfo.c). */
	public static long kb(long pages) {
		return pages << (PAGE_SHIFT - 10);
	}

	public static boolean isPageAligned(long value) {
		return (value & (PAGE_SIZE - 1)) == 0;
	}
}
