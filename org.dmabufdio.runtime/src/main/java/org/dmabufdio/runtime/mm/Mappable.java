package org.dmabufdio.runtime.mm;

/**
 * An open file that can be mmap'ed: the pages a mapping of it maps, its vm_ops, and its
 * f_op->mmap handler, which runs once the vma exists (struct file_operations.mmap).
 */
public interface Mappable {

	/** The pages mappings of this file map linearly, by page offset. */
	Pages pages();

	/** The vm_ops new vmas get. */
	VmOps vmOps();

	/** The file was opened for writing (FMODE_WRITE): shared writable mappings are allowed. */
	boolean writable();

	/** The f_op->mmap handler: may populate ptes or set vm_flags; returns 0 or -errno. */
	long mmap(Vma vma);

	/** A new vma holds a reference to the file (get_file()). */
	default void vmaOpened(Vma vma) {
	}

	/** A vma went away and dropped its file reference (fput()). */
	default void vmaClosed(Vma vma) {
	}
}
