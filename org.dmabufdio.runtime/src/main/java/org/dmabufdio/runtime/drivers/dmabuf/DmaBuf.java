package org.dmabufdio.runtime.drivers.dmabuf;

import static org.dmabufdio.runtime.kernel.Errno.EINVAL;

import org.dmabufdio.runtime.kernel.KFile;
import org.dmabufdio.runtime.mm.Mappable;
import org.dmabufdio.runtime.mm.Pages;
import org.dmabufdio.runtime.mm.VmOps;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.util.Units;

/**
 * A dma-buf (struct dma_buf, drivers/dma-buf/dma-buf.c): exporter-owned pages behind a file,
 * alive while a descriptor or a mapping refers to it.
 */
public final class DmaBuf implements KFile, Mappable {

	public final String name;
	public final long size;
	final Pages pages;
	final DmaBufOps ops;
	/** Block sizes of the scatterlist, as (first page, order) pairs: what the heap allocated. */
	final java.util.List<long[]> chunks = new java.util.ArrayList<>();
	private int refs;
	private boolean released;
	private MapMethod nextMapMethod = MapMethod.KERNEL_DEFAULT;
	private final VmOps vmOps;

	/** First page of {@link #pages} this buffer starts at (udmabuf over part of a memfd). */
	final long firstPage;

	DmaBuf(String name, long size, DmaBufOps ops) {
		this(name, size, ops, new Pages(Pages.Kind.DMABUF, name), 0);
	}

	/** A buffer over pages someone else owns (udmabuf: a memfd's), from {@code firstPage}. */
	DmaBuf(String name, long size, DmaBufOps ops, Pages pages, long firstPage) {
		this.name = name;
		this.size = size;
		this.ops = ops;
		this.pages = pages;
		this.firstPage = firstPage;
		this.refs = 1;
		this.vmOps = new VmOps() {
			@Override
			public long fault(Vma vma, long vpn, boolean write) {
				return ops.fault(DmaBuf.this, vma, vpn);
			}

			@Override
			public String name() {
				return "/dmabuf:" + name;
			}

			@Override
			public boolean dmabuf() {
				return true;
			}
		};
	}

	public long sizePages() {
		return Units.pagesFor(size);
	}

	@Override
	public Pages pages() {
		return pages;
	}

	@Override
	public VmOps vmOps() {
		return vmOps;
	}

	@Override
	public boolean writable() {
		return true; // heap buffers are exported O_RDWR
	}

	/** The exporter (heap) name. */
	public String exporter() {
		return ops.exporterName();
	}

	/** Pages of this buffer currently pinned by GUP. */
	public long pinnedPages() {
		return pages.pinnedPages(firstPage, firstPage + sizePages());
	}

	/** Pages of this buffer mapped by at least one pte that holds a page reference. */
	public long mappedPages() {
		return pages.mapcountPages(firstPage, firstPage + sizePages());
	}

	/** Blocks of each order the heap allocated, indexed by order. */
	public long[] chunksPerOrder() {
		long[] n = new long[11];
		for (long[] c : chunks) {
			n[(int) c[1]]++;
		}
		return n;
	}

	public boolean released() {
		return released;
	}

	/** Chooses how the next mmap of this buffer maps it (a scenario's {@code mmap insert_page}). */
	public void setNextMapMethod(MapMethod method) {
		this.nextMapMethod = method;
	}

	/**
	 * {@code dma_buf_mmap_internal()}: the mapping must fit in the buffer
	 * ({@code vm_pgoff + pages > size} is -EINVAL), then the exporter maps it.
	 */
	@Override
	public long mmap(Vma vma) {
		MapMethod method = nextMapMethod;
		nextMapMethod = MapMethod.KERNEL_DEFAULT;
		if (vma.pgoff() + vma.pages() > sizePages()) {
			return -EINVAL;
		}
		vma.shiftPgoff(firstPage); // the buffer's page 0 is page firstPage of its owner
		return ops.mmap(this, vma, method);
	}

	@Override
	public void vmaOpened(Vma vma) {
		refs++;
	}

	@Override
	public void vmaClosed(Vma vma) {
		put();
	}

	/** The last descriptor to it was closed. */
	@Override
	public void release() {
		put();
	}

	private void put() {
		if (--refs == 0 && !released) {
			released = true;
			ops.release(this);
		}
	}

	@Override
	public String describe() {
		return "/dmabuf:" + name + " (" + ops.exporterName() + ", " + size + " bytes)";
	}
}
