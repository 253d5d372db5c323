package org.dmabufdio.runtime.drivers.dmabuf;

import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.dmabufdio.runtime.kernel.Errno.ENODEV;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.LongConsumer;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.util.Units;

/**
 * /dev/dma_heap and the DMA_HEAP_IOCTL_ALLOC path ({@code dma_heap_buffer_alloc()}), plus the
 * list of live buffers for per-buffer reports.
 */
public final class DmaHeaps {

	/** DMA_HEAP_VALID_HEAP_FLAGS: no heap flags are defined. */
	public static final long VALID_HEAP_FLAGS = 0;

	private final Map<String, DmaHeap> heaps = new LinkedHashMap<>();
	private final List<DmaBuf> buffers = new ArrayList<>();
	private final Kernel k;
	private int nextInode = 1;

	public DmaHeaps(Kernel k) {
		this.k = k;
		add(new SystemHeap(k, this));
		add(new CmaHeap(k, this));
	}

	private void add(DmaHeap heap) {
		heaps.put(heap.name(), heap);
	}

	public DmaHeap heap(String name) {
		return heaps.get(name);
	}

	public Collection<String> names() {
		return Collections.unmodifiableSet(heaps.keySet());
	}

	/**
	 * {@code dma_heap_buffer_alloc()}: rounds the length up to pages (0 is -EINVAL), rejects
	 * unknown heap flags, and asks the heap. Returns the buffer, or null with {@code error[0]}
	 * set to -errno.
	 */
	public DmaBuf alloc(String heapName, long len, long heapFlags, long[] error) {
		return alloc(heapName, len, heapFlags, len, done -> { }, error);
	}

	/** {@link #alloc} telling {@code progress} the bytes allocated so far, batch by batch. */
	public DmaBuf alloc(String heapName, long len, long heapFlags, long batch, LongConsumer progress, long[] error) {
		DmaHeap heap = heaps.get(heapName);
		if (heap == null) {
			error[0] = -ENODEV;
			return null;
		}
		len = Units.pageAlign(len);
		if (len == 0 || (heapFlags & ~VALID_HEAP_FLAGS) != 0) {
			error[0] = -EINVAL;
			return null;
		}
		DmaBuf buf = heap.allocate(len, Math.max(Units.PAGE_SIZE, batch), progress);
		if (buf == null) {
			error[0] = heap.lastError();
		}
		return buf;
	}

	/** dma_buf_export(): registers a new buffer under a unique name. */
	DmaBuf export(long size, DmaBufOps ops) {
		DmaBuf buf = new DmaBuf("buf" + nextInode++, size, ops);
		buffers.add(buf);
		return buf;
	}

	/** dma_buf_export() of a buffer over pages another owner holds (udmabuf). */
	DmaBuf exportShared(long size, DmaBufOps ops, org.dmabufdio.runtime.mm.Pages pages, long firstPage) {
		DmaBuf buf = new DmaBuf("buf" + nextInode++, size, ops, pages, firstPage);
		buffers.add(buf);
		return buf;
	}

	/** Buffers not yet released, oldest first. */
	public List<DmaBuf> live() {
		return buffers.stream().filter(b -> !b.released()).toList();
	}

	Kernel kernel() {
		return k;
	}
}
