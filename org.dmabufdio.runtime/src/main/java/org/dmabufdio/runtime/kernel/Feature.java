package org.dmabufdio.runtime.kernel;

/**
 * Kernel changes a variant carries. Each is consulted at exactly the call sites its patch
 * touches, so a variant behaves like the patched kernel everywhere else too.
 */
public enum Feature {
	/** Seed patch 1: system_heap_mmap() maps with vm_insert_page() instead of remap_pfn_range(). */
	DMABUF_DIO_MMAP("dmabuf_dio_mmap", "seed patch 1: the system heap maps with vm_insert_page()"),
	/** Seed patch 2: VM_DMABUF_DIO set by the system heap, skipping RSS/Mapped/smaps accounting. */
	VM_DMABUF_DIO("vm_dmabuf_dio", "seed patch 2: VM_DMABUF_DIO guards on the accounting paths"),
	/** vivo's DMA_HEAP_IOCTL_ALLOC_AND_READ: allocate a buffer and read a file into it in one ioctl. */
	ALLOC_AND_READ("alloc_and_read", "DMA_HEAP_IOCTL_ALLOC_AND_READ (vivo, July 2024)"),
	/** DMA_BUF_IOCTL_RW_FILE: the exporter reads or writes a file straight into its pages. */
	RW_FILE("rw_file", "DMA_BUF_IOCTL_RW_FILE: exporter-side direct I/O, no GUP"),
	/** copy_file_range()/sendfile()/splice() accept a dma-buf as source or destination. */
	DMABUF_SPLICE("dmabuf_splice", "copy_file_range/sendfile/splice to and from a dma-buf"),
	/** Android's system heap page pools: released buffers' pages kept zeroed for the next allocation. */
	PAGE_POOL("page_pool", "Android's system heap page pools: released pages zeroed by a worker and reused, given back under reclaim");

	private final String keyword;
	private final String description;

	Feature(String keyword, String description) {
		this.keyword = keyword;
		this.description = description;
	}

	/** The name scenarios use ({@code kernel baseline with alloc_and_read}). */
	public String keyword() {
		return keyword;
	}

	public String description() {
		return description;
	}

	/** The feature with this scenario name, or null. */
	public static Feature byKeyword(String keyword) {
		for (Feature f : values()) {
			if (f.keyword.equals(keyword)) {
				return f;
			}
		}
		return null;
	}
}
