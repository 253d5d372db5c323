package org.dmabufdio.runtime.mm;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.util.Units;

/**
 * {@code copy_to_user()} / {@code copy_from_user()} (include/linux/uaccess.h with the fault path
 * of mm/memory.c): the CPU touches user pages through their ptes, faulting in what is missing;
 * the copy stops at the first page that cannot be faulted in.
 */
public final class Uaccess {

	private final Kernel k;

	public Uaccess(Kernel k) {
		this.k = k;
	}

	/** Copies {@code len} bytes to user address {@code addr}; returns the bytes NOT copied. */
	public long copyToUser(MmStruct mm, long addr, long len) {
		return copy(mm, addr, len, true);
	}

	/** Copies {@code len} bytes from user address {@code addr}; returns the bytes NOT copied. */
	public long copyFromUser(MmStruct mm, long addr, long len) {
		return copy(mm, addr, len, false);
	}

	/** Touches [addr, addr + len) as the CPU would; returns the bytes that could be touched. */
	public long touch(MmStruct mm, long addr, long len, boolean write) {
		return len - faultIn(mm, addr, len, write);
	}

	/** The piece a user-space memcpy is simulated in: one fault-around window. */
	static final long MEMCPY_PIECE = 64 * Units.KIB;

	/**
	 * A memcpy() the process runs from {@code src} to {@code dst}: piece by piece the CPU reads
	 * the source (faulting it in, which may start readahead and wait for it) and writes the
	 * destination. Returns the bytes copied, short at the first page that cannot be faulted in.
	 */
	public long memcpy(MmStruct mm, long dst, long src, long len) {
		long done = 0;
		while (done < len) {
			k.tick();
			long piece = Math.min(MEMCPY_PIECE - ((src + done) & (MEMCPY_PIECE - 1)), len - done);
			long readable = piece - faultIn(mm, src + done, piece, false);
			long writable = readable - faultIn(mm, dst + done, readable, true);
			k.costs.chargeCopy(writable);
			done += writable;
			if (writable < piece) {
				break;
			}
		}
		return done;
	}

	private long copy(MmStruct mm, long addr, long len, boolean write) {
		long notCopied = faultIn(mm, addr, len, write);
		k.costs.chargeCopy(len - notCopied);
		return notCopied;
	}

	/** Faults in the pages of [addr, addr + len); returns the bytes beyond the first failure. */
	private long faultIn(MmStruct mm, long addr, long len, boolean write) {
		if (len <= 0) {
			return 0;
		}
		long from = addr >>> Units.PAGE_SHIFT;
		long to = (addr + len + Units.PAGE_SIZE - 1) >>> Units.PAGE_SHIFT;
		long vpn = from;
		while (vpn < to) {
			Vma vma = mm.findVma(vpn);
			if (vma == null) {
				break;
			}
			long end = Math.min(to, vma.end);
			if (k.memory.handleMmFault(vma, vpn, end - vpn, write) < 0) {
				vpn = k.memory.faultedUpTo(vma, vpn, end - vpn, write);
				break; // a short copy: the kernel's fixup stops at this page
			}
			vpn = end;
		}
		if (vpn >= to) {
			return 0;
		}
		long reached = Math.max(addr, vpn << Units.PAGE_SHIFT);
		return addr + len - reached;
	}
}
