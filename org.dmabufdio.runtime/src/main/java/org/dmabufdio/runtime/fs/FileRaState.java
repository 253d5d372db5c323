package org.dmabufdio.runtime.fs;

/** struct file_ra_state: the readahead window of one open file, in pages. */
public final class FileRaState {

	long start;
	long size;
	long asyncSize;
	/** ra_pages: the readahead maximum, from the device's read_ahead_kb. */
	long raPages;
	/** The byte position just after the last read, for sequential detection. */
	long prevPos = -1;

	FileRaState(long raPages) {
		this.raPages = raPages;
	}

	public long raPages() {
		return raPages;
	}
}
