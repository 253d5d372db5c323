package org.dmabufdio.runtime.drivers.dmabuf;

import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.dmabufdio.runtime.kernel.Errno.ENOTTY;

import org.dmabufdio.runtime.fs.KernelDioBuffer;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.util.Units;

/**
 * Moving file data into and out of a dma-buf without GUP: the upstream alternatives to the
 * seed series. The exporter's own pages are the I/O buffer (an ITER_BVEC), so nothing is
 * pinned and no page cache is used for direct I/O.
 */
public final class DmaBufFileIo {

	/** ALLOC_AND_READ works in batches of this size (vivo's proposal: 128 MB). */
	public static final long ALLOC_AND_READ_BATCH = 128 * Units.MIB;

	private final Kernel k;

	public DmaBufFileIo(Kernel k) {
		this.k = k;
	}

	/**
	 * DMA_BUF_IOCTL_RW_FILE: the exporter reads (or writes) {@code len} bytes of the file at
	 * {@code offset} straight into its pages with direct I/O. -ENOTTY on kernels without it.
	 */
	public long rwFile(DmaBuf buf, OpenFile file, long offset, long len, boolean write) {
		if (!k.variant.has(Feature.RW_FILE)) {
			return -ENOTTY;
		}
		if (len > buf.size) {
			return -EINVAL;
		}
		return k.directIo.iomapDioRw(file, offset, len, write, new KernelDioBuffer());
	}

	/**
	 * DMA_HEAP_IOCTL_ALLOC_AND_READ: allocates a buffer for the file (or {@code len} bytes of it)
	 * and fills it with direct or buffered reads. As in vivo's proposal the two overlap: each
	 * batch the ioctl has allocated is read by a kernel worker, on its own CPU, while the ioctl
	 * allocates the next; the ioctl returns when the last batch is read. Returns the buffer, or
	 * null with {@code error[0]} set (-ENOTTY on kernels without it).
	 */
	public DmaBuf allocAndRead(String heap, OpenFile file, long len, long[] error) {
		if (!k.variant.has(Feature.ALLOC_AND_READ)) {
			error[0] = -ENOTTY;
			return null;
		}
		long size = len > 0 ? len : file.inode.size();
		long[] worker = { k.clock.now(), 0, 0 }; // the worker's time, bytes read, error
		DmaBuf buf = k.heaps.alloc(heap, size, 0, ALLOC_AND_READ_BATCH, allocated -> {
			long allocator = k.clock.now();
			k.clock.switchTo(Math.max(worker[0], allocator)); // the worker starts when the batch is there
			while (worker[1] < Math.min(allocated, size) && worker[2] == 0) {
				long ret = fill(file, worker[1], Math.min(allocated, size) - worker[1], file.direct());
				if (ret <= 0) {
					worker[2] = ret < 0 ? ret : 1; // an error, or EOF
				} else {
					worker[1] += ret;
				}
			}
			worker[0] = k.clock.now();
			k.clock.switchTo(allocator);
		}, error);
		k.clock.waitUntil(worker[0]); // the ioctl waits for the worker's last read
		if (buf == null) {
			return null;
		}
		if (worker[2] < 0) {
			buf.release();
			error[0] = worker[2];
			return null;
		}
		return buf;
	}

	/**
	 * copy_file_range(), sendfile() and splice() with a dma-buf as destination: only kernels
	 * carrying the proposal accept it (a dma-buf is not a regular file and has no splice_write).
	 */
	public long copyIntoDmaBuf(OpenFile src, long srcOffset, DmaBuf dst, long dstOffset, long len) {
		if (!k.variant.has(Feature.DMABUF_SPLICE)) {
			return -EINVAL;
		}
		if (dstOffset + len > dst.size) {
			len = dst.size - dstOffset;
		}
		return fill(src, srcOffset, len, src.direct());
	}

	/** Reads file bytes into the exporter's pages: direct I/O on them, or page cache and memcpy. */
	private long fill(OpenFile file, long offset, long len, boolean direct) {
		if (direct) {
			long aligned = (len + Units.PAGE_SIZE - 1) & -Units.PAGE_SIZE;
			return k.directIo.iomapDioRw(file, offset, aligned, false, new KernelDioBuffer());
		}
		return k.filemap.filemapRead(file, offset, len, bytes -> {
			k.costs.chargeCopy(bytes);
			return bytes;
		});
	}
}
