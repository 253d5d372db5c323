package org.dmabufdio.runtime.drivers.dmabuf;

/** How a heap's mmap handler maps buffer pages into a vma. */
public enum MapMethod {
	/** whatever the running kernel's heap does */
	KERNEL_DEFAULT,
	/** vm_insert_page(): normal ptes with struct page references (seed patch 1) */
	INSERT_PAGE,
	/** remap_pfn_range(): special ptes, VM_PFNMAP (upstream) */
	REMAP_PFN
}
