package org.dmabufdio.runtime.fs;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Gup;
import org.dmabufdio.runtime.mm.MmStruct;
import org.dmabufdio.runtime.util.Units;

/**
 * A user buffer for direct I/O ({@code iov_iter_extract_pages()}, lib/iov_iter.c): each bio
 * pins its pages with {@code pin_user_pages_fast()}, FOLL_WRITE when the device writes them.
 */
public final class UserDioBuffer implements DioBuffer {

	private final Kernel k;
	private final MmStruct mm;
	private final long addr;
	private final Gup.PinnedPages pins = new Gup.PinnedPages();

	public UserDioBuffer(Kernel k, MmStruct mm, long addr) {
		this.k = k;
		this.mm = mm;
		this.addr = addr;
	}

	@Override
	public long alignmentBits() {
		return addr;
	}

	@Override
	public long pin(long offset, long bytes, boolean deviceWrites) {
		long start = addr + offset;
		long firstVpn = start >>> Units.PAGE_SHIFT;
		long n = ((start + bytes - 1) >>> Units.PAGE_SHIFT) - firstVpn + 1;
		long got = k.gup.pinUserPagesFast(mm, firstVpn, n, deviceWrites ? Gup.FOLL_WRITE : 0, pins);
		if (got < 0 || got == n) {
			return got < 0 ? got : bytes;
		}
		return ((firstVpn + got) << Units.PAGE_SHIFT) - start;
	}

	@Override
	public void release(boolean dirty) {
		k.gup.unpinUserPages(pins, dirty);
	}
}
