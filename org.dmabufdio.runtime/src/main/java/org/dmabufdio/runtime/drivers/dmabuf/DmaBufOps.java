package org.dmabufdio.runtime.drivers.dmabuf;

import org.dmabufdio.runtime.mm.Vma;

/** The exporter's callbacks (struct dma_buf_ops) the simulator models. */
public interface DmaBufOps {

	/** The exporter name (/sys/kernel/dmabuf/buffers/N/exporter_name). */
	String exporterName();

	/** ops->mmap: map the buffer into a vma; returns 0 or -errno. */
	long mmap(DmaBuf buffer, Vma vma, MapMethod method);

	/** ops->mmap's vm_ops->fault, for exporters that fill ptes lazily; 0 or a VM_FAULT code. */
	default long fault(DmaBuf buffer, Vma vma, long vpn) {
		return org.dmabufdio.runtime.mm.VmOps.VM_FAULT_SIGBUS;
	}

	/** ops->release: the last reference is gone; give the pages back. */
	void release(DmaBuf buffer);
}
