package org.dmabufdio.runtime.fs;

import org.dmabufdio.runtime.block.BlockDevice;

/**
 * A mounted filesystem (struct super_block) with what I/O paths ask of it: the block size and
 * whether misaligned direct I/O falls back to buffered I/O (f2fs) or fails.
 */
public record FileSystem(String type, int blockSize, BlockDevice bdev) {

	public static final String EXT4 = "ext4";
	public static final String F2FS = "f2fs";

	/** The filesystem types the simulator knows. */
	public static boolean known(String type) {
		return EXT4.equals(type) || F2FS.equals(type);
	}

	/**
	 * {@code f2fs_should_use_dio()}: f2fs silently turns direct I/O aligned to the logical
	 * block size but not to its own block size into buffered I/O.
	 */
	public boolean fallsBackToBuffered(long alignment) {
		return F2FS.equals(type) && (alignment & (blockSize - 1)) != 0
				&& (alignment & (bdev.logicalBlockSize() - 1)) == 0;
	}
}
