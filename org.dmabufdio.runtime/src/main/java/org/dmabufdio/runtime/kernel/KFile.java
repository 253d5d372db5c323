package org.dmabufdio.runtime.kernel;

/** What a file descriptor refers to (struct file): a regular file, a dma-buf, a memfd. */
public interface KFile {

	/** Called when the last reference (descriptor or mapping) goes: f_op->release. */
	default void release() {
	}

	/** How /proc/PID/fd would describe it. */
	String describe();
}
