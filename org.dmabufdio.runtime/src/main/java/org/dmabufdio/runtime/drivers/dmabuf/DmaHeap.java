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

	/**
	 * Allocates as {@link #allocate(long)} does, telling {@code progress} the bytes allocated so
	 * far each time another {@code batch} of them is ready (and at the end), so that a caller can
	 * start using them while the rest is allocated. Heaps that allocate in one go report once.
	 */
	default DmaBuf allocate(long len, long batch, java.util.function.LongConsumer progress) {
		DmaBuf buf = allocate(len);
		if (buf != null) {
			progress.accept(len);
		}
		return buf;
	}

	/** The -errno of the last failed allocation. */
	long lastError();
}
