package org.dmabufdio.runtime.fs;

/**
 * Where a read's bytes go (the destination side of an iov_iter): user memory through
 * copy_to_user, or kernel pages (a dma-buf's) by memcpy.
 */
@FunctionalInterface
public interface ReadSink {

	/**
	 * Takes the next {@code bytes} bytes, charging the copy; returns how many it took (fewer if
	 * the destination faulted).
	 */
	long accept(long bytes);
}
