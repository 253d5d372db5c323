package org.dmabufdio.runtime.fs;

import static org.dmabufdio.runtime.kernel.Errno.EBADF;
import static org.dmabufdio.runtime.kernel.Errno.EFAULT;
import static org.dmabufdio.runtime.kernel.Errno.EINVAL;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.Gfp;
import org.dmabufdio.runtime.mm.MmStruct;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.util.Units;

/**
 * read/write of regular files (fs/read_write.c down to the filesystem's read_iter/write_iter):
 * MAX_RW_COUNT clamping, the O_DIRECT path with the f2fs fallback, and buffered I/O.
 */
public final class ReadWrite {

	/** MAX_RW_COUNT: one read or write moves at most INT_MAX rounded down to a page. */
	public static final long MAX_RW_COUNT = Integer.MAX_VALUE & ~(Units.PAGE_SIZE - 1);
	/** TASK_SIZE of a 47-bit address space: access_ok() refuses buffers beyond it. */
	static final long TASK_SIZE = 1L << 47;

	private final Kernel k;

	public ReadWrite(Kernel k) {
		this.k = k;
	}

	/**
	 * {@code ksys_pread64()} → {@code vfs_read()} → {@code ext4/f2fs_file_read_iter()}: reads
	 * into user memory at {@code addr}. Returns bytes read or -errno.
	 */
	public long pread(MmStruct mm, OpenFile file, long addr, long count, long pos) {
		if (!file.readable()) {
			return -EBADF;
		}
		if (pos < 0 || count < 0) {
			return -EINVAL;
		}
		count = Math.min(count, MAX_RW_COUNT);
		if (addr < 0 || addr + count > TASK_SIZE) {
			return -EFAULT; // access_ok()
		}
		if (useDirectIo(file, addr, count, pos)) {
			return k.directIo.iomapDioRw(file, pos, count, false, new UserDioBuffer(k, mm, addr));
		}
		long[] cursor = { addr };
		long ret = k.filemap.filemapRead(file, pos, count, bytes -> {
			long took = bytes - k.uaccess.copyToUser(mm, cursor[0], bytes);
			cursor[0] += took;
			return took;
		});
		return ret == 0 && count > 0 && pos < file.inode.size ? -EFAULT : ret;
	}

	/**
	 * {@code ksys_pwrite64()} → {@code vfs_write()}: O_DIRECT writes straight from pinned user
	 * pages; buffered writes copy into page cache pages, which become dirty. Returns bytes
	 * written or -errno.
	 */
	public long pwrite(MmStruct mm, OpenFile file, long addr, long count, long pos) {
		if (!file.writable()) {
			return -EBADF;
		}
		if (pos < 0 || count < 0) {
			return -EINVAL;
		}
		count = Math.min(count, MAX_RW_COUNT);
		if (addr < 0 || addr + count > TASK_SIZE) {
			return -EFAULT;
		}
		if (useDirectIo(file, addr, count, pos)) {
			return k.directIo.iomapDioRw(file, pos, count, true, new UserDioBuffer(k, mm, addr));
		}
		long[] cursor = { addr };
		return genericPerformWrite(file, pos, count, bytes -> {
			long took = bytes - k.uaccess.copyFromUser(mm, cursor[0], bytes);
			cursor[0] += took;
			return took;
		});
	}

	/**
	 * {@code copy_file_range()} / {@code do_splice_direct()} between regular files: source pages
	 * through the page cache (or direct reads), destination through buffered writes. Returns
	 * bytes copied or -errno.
	 */
	public long copyFileRange(OpenFile in, long inOffset, OpenFile out, long outOffset, long len) {
		if (!in.readable() || !out.writable()) {
			return -EBADF;
		}
		if (inOffset < 0 || outOffset < 0 || len < 0) {
			return -EINVAL;
		}
		len = Math.min(Math.min(len, MAX_RW_COUNT), Math.max(0, in.inode.size - inOffset));
		if (len == 0) {
			return 0;
		}
		long read = k.filemap.filemapRead(in, inOffset, len, bytes -> bytes);
		if (read <= 0) {
			return read;
		}
		return genericPerformWrite(out, outOffset, read, bytes -> {
			k.costs.chargeCopy(bytes);
			return bytes;
		});
	}

	/**
	 * O_DIRECT unless the filesystem falls back to buffered I/O for this alignment
	 * ({@code f2fs_should_use_dio()}; ext4 leaves every check to iomap).
	 */
	private static boolean useDirectIo(OpenFile file, long addr, long count, long pos) {
		return file.direct() && !file.inode.fs.fallsBackToBuffered(pos | addr | count);
	}

	/**
	 * What {@code generic_perform_write()} does between two calls of
	 * {@code balance_dirty_pages_ratelimited()} in the simulation: 4 MiB (the kernel goes page by
	 * page and is throttled every ratelimit's worth of pages).
	 */
	static final long WRITE_CHUNK_BYTES = 4 * Units.MIB;

	/**
	 * {@code generic_perform_write()}: chunk by chunk, pages not yet cached are allocated (a
	 * partly overwritten one holding file data is read first), the data copied in, every written
	 * page dirtied, the file grown if written past its end, and the writer throttled if there is
	 * too much dirty memory ({@code balance_dirty_pages()}). Returns the bytes written (short if
	 * memory ran out after the first chunk) or -errno.
	 */
	long genericPerformWrite(OpenFile file, long pos, long count, ReadSink source) {
		long written = 0;
		while (written < count) {
			k.tick();
			long chunk = Math.min(WRITE_CHUNK_BYTES - ((pos + written) & (WRITE_CHUNK_BYTES - 1)), count - written);
			long ret = writeChunk(file, pos + written, chunk, source);
			if (ret <= 0) {
				return written > 0 ? written : ret;
			}
			written += ret;
			k.writeback.balanceDirtyPages(); // balance_dirty_pages_ratelimited()
			if (ret < chunk) {
				break;
			}
		}
		return written;
	}

	private long writeChunk(OpenFile file, long pos, long count, ReadSink source) {
		Inode inode = file.inode;
		AddressSpace mapping = inode.mapping;
		long from = pos >>> Units.PAGE_SHIFT;
		long to = (pos + count + Units.PAGE_SIZE - 1) >>> Units.PAGE_SHIFT;
		long[] failed = { 0 };
		mapping.pages.forEachHole(from, to, (s, e, v) -> {
			if (failed[0] == 0) {
				long got = k.filemap.addFolios(mapping, s, e - s, Gfp.GFP_HIGHUSER_MOVABLE);
				failed[0] = got < e - s ? 1 : 0;
				readPartialEdge(inode, s, s + got, pos, count);
			}
		});
		if (failed[0] != 0) {
			return -org.dmabufdio.runtime.kernel.Errno.ENOMEM;
		}
		k.clock.waitUntil(mapping.readyBy(from, to));
		long written = source.accept(count);
		long end = pos + written;
		k.filemap.folioMarkDirty(mapping.pages, from, (end + Units.PAGE_SIZE - 1) >>> Units.PAGE_SHIFT);
		mapping.pages.setFlags(from, to, Pages.PG_UPTODATE);
		inode.size = Math.max(inode.size, end);
		return written > 0 ? written : -EFAULT;
	}

	/** write_begin: a page only partly overwritten and holding file data must be read first. */
	private void readPartialEdge(Inode inode, long s, long e, long pos, long count) {
		long end = pos + count;
		for (long index : new long[] { s, e - 1 }) {
			long pageStart = index << Units.PAGE_SHIFT;
			boolean partial = pageStart < pos || pageStart + Units.PAGE_SIZE > end;
			if (index >= s && index < e && partial && pageStart < inode.size) {
				k.readahead.readPages(inode, index, index + 1);
			}
		}
	}
}
