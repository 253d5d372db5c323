package org.dmabufdio.runtime.drivers.dmabuf;

import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.dmabufdio.runtime.kernel.Errno.ENOMEM;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.NodeStat;
import org.dmabufdio.runtime.mm.VmFlags;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * The CMA heap (drivers/dma-buf/heaps/cma_heap.c): one physically contiguous block from the
 * CMA area; mappings must be shared, are VM_PFNMAP and get their ptes at fault time with
 * vmf_insert_pfn(), so its pages never count in RSS.
 */
public final class CmaHeap implements DmaHeap, DmaBufOps {

	private final Kernel k;
	private final DmaHeaps heaps;
	private long lastError;

	CmaHeap(Kernel k, DmaHeaps heaps) {
		this.k = k;
		this.heaps = heaps;
	}

	@Override
	public String name() {
		return "cma";
	}

	@Override
	public String exporterName() {
		return "cma";
	}

	@Override
	public long lastError() {
		return lastError;
	}

	/** {@code cma_heap_allocate()}: cma_alloc() of the whole buffer, then zeroing. */
	@Override
	public DmaBuf allocate(long len) {
		long pages = Units.pagesFor(len);
		long pfn = k.cma.cmaAlloc(pages);
		if (pfn < 0) {
			lastError = -ENOMEM;
			return null;
		}
		DmaBuf buf = heaps.export(len, this);
		buf.pages.install(0, pages, pfn);
		buf.chunks.add(new long[] { 0, 0 });
		k.costs.charge(Cost.PAGE_ZERO_NS, pages);
		k.vmstat.mod(NodeStat.NR_DMABUF, pages);
		return buf;
	}

	/**
	 * {@code cma_heap_mmap()}: private mappings are refused with -EINVAL; the vma becomes
	 * VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP and nothing is mapped yet.
	 */
	@Override
	public long mmap(DmaBuf buffer, Vma vma, MapMethod method) {
		if ((vma.flags() & (VmFlags.VM_SHARED | VmFlags.VM_MAYSHARE)) == 0) {
			return -EINVAL;
		}
		vma.setFlags(VmFlags.VM_IO | VmFlags.VM_PFNMAP | VmFlags.VM_DONTEXPAND | VmFlags.VM_DONTDUMP);
		return 0;
	}

	/** {@code cma_heap_vm_fault()}: vmf_insert_pfn() of the page, a special pte. */
	@Override
	public long fault(DmaBuf buffer, Vma vma, long vpn) {
		if (vma.backingIndex(vpn) >= buffer.sizePages()) {
			return org.dmabufdio.runtime.mm.VmOps.VM_FAULT_SIGBUS;
		}
		return k.memory.vmfInsertPfn(vma, vpn, 1);
	}

	/** {@code cma_heap_dma_buf_release()}: cma_release() of the block. */
	@Override
	public void release(DmaBuf buffer) {
		long pages = buffer.sizePages();
		buffer.pages.forEachResident(0, pages, (s, e, pfn) -> k.cma.cmaRelease(pfn, e - s));
		buffer.pages.remove(0, pages);
		k.vmstat.mod(NodeStat.NR_DMABUF, -pages);
	}
}
