package org.dmabufdio.runtime.fs;

/**
 * Kernel pages as a direct I/O buffer (an ITER_BVEC over a dma-buf's scatterlist): page
 * aligned and already owned, so nothing is pinned and GUP is never involved.
 */
public final class KernelDioBuffer implements DioBuffer {

	@Override
	public long alignmentBits() {
		return 0;
	}

	@Override
	public long pin(long offset, long bytes, boolean deviceWrites) {
		return bytes;
	}

	@Override
	public void release(boolean dirty) {
	}
}
