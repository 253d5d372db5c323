package org.dmabufdio.runtime.drivers.dmabuf;

import static org.dmabufdio.runtime.kernel.Errno.EINVAL;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Shmem.ShmemFile;
import org.dmabufdio.runtime.mm.VmFlags;
import org.dmabufdio.runtime.mm.VmOps;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.util.Units;

/**
 * udmabuf (drivers/dma-buf/udmabuf.c, as in v6.1): a dma-buf over a memfd's pages. Its pages
 * are ordinary shmem pages, so mappings fault them in as normal ptes and GUP (hence O_DIRECT)
 * works on them; they count as RssShmem.
 */
public final class Udmabuf implements DmaBufOps {

	private final Kernel k;
	private final ShmemFile memfd;
	private final long firstPage;

	private Udmabuf(Kernel k, ShmemFile memfd, long firstPage) {
		this.k = k;
		this.memfd = memfd;
		this.firstPage = firstPage;
	}

	/**
	 * {@code udmabuf_create()}: offset and size must be page aligned and inside the memfd; the
	 * memfd's pages are faulted in and referenced. Returns the buffer, or null with error set.
	 */
	public static DmaBuf create(Kernel k, DmaHeaps heaps, ShmemFile memfd, long offset, long size, long[] error) {
		if (!Units.isPageAligned(offset) || !Units.isPageAligned(size) || size == 0 || offset + size > memfd.size()) {
			error[0] = -EINVAL;
			return null;
		}
		long first = offset >>> Units.PAGE_SHIFT;
		long ret = memfd.getFolios(first, first + (size >>> Units.PAGE_SHIFT));
		if (ret < 0) {
			error[0] = ret;
			return null;
		}
		return heaps.exportShared(size, new Udmabuf(k, memfd, first), memfd.pages(), first);
	}

	@Override
	public String exporterName() {
		return "udmabuf";
	}

	/** {@code udmabuf_mmap()}: shared mappings only; pages come at fault time. */
	@Override
	public long mmap(DmaBuf buffer, Vma vma, MapMethod method) {
		if ((vma.flags() & (VmFlags.VM_SHARED | VmFlags.VM_MAYSHARE)) == 0) {
			return -EINVAL;
		}
		return 0;
	}

	/** {@code udmabuf_vm_fault()}: hands back the memfd page, mapped as a normal pte. */
	@Override
	public long fault(DmaBuf buffer, Vma vma, long vpn) {
		long index = vma.backingIndex(vpn);
		if (index - firstPage >= buffer.sizePages()) {
			return VmOps.VM_FAULT_SIGBUS;
		}
		k.memory.setPteRange(vma, vpn, 1, false);
		return 0;
	}

	/** {@code release_udmabuf()}: drops the page references; the memfd keeps its pages. */
	@Override
	public void release(DmaBuf buffer) {
	}

	ShmemFile memfd() {
		return memfd;
	}
}
