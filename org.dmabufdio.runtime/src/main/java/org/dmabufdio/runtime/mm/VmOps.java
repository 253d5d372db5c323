package org.dmabufdio.runtime.mm;

/**
 * What backs a file-like vma (struct vm_operations_struct plus vm_file): how a missing page
 * is faulted in, and how smaps names the mapping.
 */
public interface VmOps {

	/** Page faults on such vmas have no handler: {@code do_fault()} returns VM_FAULT_SIGBUS. */
	int VM_FAULT_SIGBUS = -7;

	/**
	 * The vm_ops->fault handler for page {@code vpn}: makes the pte present (through
	 * {@link Memory}) and returns 0, or a negative VM_FAULT code / errno.
	 */
	long fault(Vma vma, long vpn, boolean write);

	/** The path smaps prints for the mapping. */
	String name();

	/** True for shmem-backed mappings (mm_counter_file() gives MM_SHMEMPAGES). */
	default boolean shmem() {
		return false;
	}

	/**
	 * {@code mapping_can_writeback()}: the file's pages are written back by a filesystem, so a
	 * shared writable mapping needs dirty tracking (regular files; not shmem or dma-bufs).
	 */
	default boolean canWriteback() {
		return false;
	}

	/** The owner is a dma-buf exporter, whose pages must not be treated as page cache. */
	default boolean dmabuf() {
		return false;
	}
}
