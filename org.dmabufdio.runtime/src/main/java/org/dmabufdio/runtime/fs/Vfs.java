package org.dmabufdio.runtime.fs;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dmabufdio.runtime.block.BlockDevice;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Pages;

/**
 * The simulated machine's files: a name space of regular files on mounted filesystems. Files
 * exist only inside the simulation: their data is never read from or written to the host.
 */
public final class Vfs {

	private final Kernel k;
	private final Map<String, FileSystem> mounts = new LinkedHashMap<>();
	private final Map<String, Inode> files = new LinkedHashMap<>();

	public Vfs(Kernel k) {
		this.k = k;
	}

	/** Mounts a filesystem of {@code type} ("ext4", "f2fs") under a name, on a block device. */
	public FileSystem mount(String name, String type, int blockSize, BlockDevice bdev) {
		FileSystem fs = new FileSystem(type, blockSize, bdev);
		mounts.put(name, fs);
		return fs;
	}

	public FileSystem filesystem(String name) {
		return mounts.get(name);
	}

	/** Creates a file of {@code size} bytes whose data is on disk, none of it cached. */
	public Inode create(String name, long size, FileSystem fs) {
		Inode inode = new Inode(name, fs, size, new AddressSpace(k, Pages.Kind.FILE, name));
		files.put(name, inode);
		return inode;
	}

	public Inode lookup(String name) {
		return files.get(name);
	}

	public Collection<Inode> files() {
		return Collections.unmodifiableCollection(files.values());
	}
}
