package org.dmabufdio.runtime.fs;

/**
 * The memory side of a direct I/O (the iov_iter a bio is built from): user memory, pinned
 * through GUP, or kernel pages such as an exporter's own, which need no pin.
 */
public interface DioBuffer {

	/** Address bits the device checks for alignment (the user address, or 0 for page-aligned kernel pages). */
	long alignmentBits();

	/**
	 * Makes [offset, offset + bytes) of the buffer ready for the device ({@code
	 * bio_iov_iter_get_pages()}); returns the bytes made ready, or -errno if none.
	 */
	long pin(long offset, long bytes, boolean deviceWrites);

	/** Releases everything pinned once the I/O completed; {@code dirty} if the device wrote. */
	void release(boolean dirty);
}
