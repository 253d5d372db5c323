package org.dmabufdio.runtime.fs;

/** A regular file (struct inode): its size, filesystem and page cache. */
public final class Inode {

	public final String name;
	public final FileSystem fs;
	final AddressSpace mapping;
	long size;

	Inode(String name, FileSystem fs, long size, AddressSpace mapping) {
		this.name = name;
		this.fs = fs;
		this.size = size;
		this.mapping = mapping;
		mapping.host = this;
	}

	/** i_size_read(). */
	public long size() {
		return size;
	}

	public AddressSpace mapping() {
		return mapping;
	}
}
