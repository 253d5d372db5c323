package org.dmabufdio.runtime.fs;

import static org.dmabufdio.runtime.kernel.Errno.EINVAL;

import org.dmabufdio.runtime.block.BlockDevice;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;

/**
 * Direct I/O through iomap (fs/iomap/direct-io.c): alignment to the logical block size and the
 * queue's DMA alignment, EOF handling, and one bio per BIO_MAX_VECS pages, each built by
 * pinning its part of the buffer. The caller waits for the last completion.
 */
public final class DirectIo {

	/** BIO_MAX_VECS: pages per bio. */
	public static final long BIO_MAX_VECS = 256;

	private final Kernel k;

	public DirectIo(Kernel k) {
		this.k = k;
	}

	/**
	 * {@code iomap_dio_rw()}: returns the bytes transferred (a read is clamped at EOF, and
	 * returns 0 at or past it), or -EINVAL for misalignment, or the pinning error when not even
	 * the first bio could be built.
	 */
	public long iomapDioRw(OpenFile file, long pos, long count, boolean write, DioBuffer buffer) {
		Inode inode = file.inode;
		BlockDevice bdev = inode.fs.bdev();
		if (!write && pos >= inode.size) {
			return 0;
		}
		if (count == 0) {
			return 0;
		}
		long lbsMask = bdev.logicalBlockSize() - 1;
		if (((pos | count) & lbsMask) != 0 || (buffer.alignmentBits() & (bdev.dmaAlignment() - 1)) != 0) {
			return -EINVAL; // iomap_dio_bio_iter(): not aligned to the device
		}
		long ioBytes = write ? count : Math.min(count, roundUp(inode.size - pos, lbsMask + 1));
		if (write) {
			// kiocb_invalidate_pages(): cached copies of the range are stale after the write
			k.filemap.removeFolios(inode.mapping, pos >>> Units.PAGE_SHIFT, (pos + count + Units.PAGE_SIZE - 1) >>> Units.PAGE_SHIFT);
		}
		long bioBytes = BIO_MAX_VECS << Units.PAGE_SHIFT;
		long done = 0;
		long lastCompletion = k.clock.now();
		while (done < ioBytes) {
			k.tick();
			long want = Math.min(bioBytes, ioBytes - done);
			long ready = buffer.pin(done, want, !write);
			if (ready < 0) {
				if (done == 0) {
					return ready;
				}
				break;
			}
			ready = Math.min(ready, want) & ~lbsMask;
			if (ready == 0) {
				break;
			}
			k.costs.charge(Cost.BIO_PAGE_COMPLETE_NS, ready >>> Units.PAGE_SHIFT); // bio_release_pages()
			lastCompletion = Math.max(lastCompletion, bdev.submitBio(k.clock.now(), ready, write));
			done += ready;
		}
		k.clock.waitUntil(lastCompletion); // iomap_dio_rw() waits for a synchronous kiocb
		buffer.release(!write);
		if (write) {
			inode.size = Math.max(inode.size, pos + done);
			return done;
		}
		return Math.min(done, inode.size - pos);
	}

	private static long roundUp(long v, long to) {
		return (v + to - 1) / to * to;
	}
}
