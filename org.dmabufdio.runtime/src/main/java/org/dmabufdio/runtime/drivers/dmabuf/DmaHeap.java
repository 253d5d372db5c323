package org.dmabufdio.runtime.drivers.dmabuf;

/** A dma-buf heap (struct dma_heap, drivers/dma-buf/dma-heap.c). */
public interface DmaHeap {

	/** The heap's name under /dev/dma_heap/. */
	String name();

	/**
	 * The heap's allocate op for {@code len} bytes (already page-aligned): a new buffer, or null
	 * with the reason left in {@link #lastError()}.
	 */
	DmaBuf allocate(long len);

	/** The -errno of the last failed allocation. */
	long lastError();
}
