package org.dmabufdio.runtime;

import static org.dmabufdio.runtime.kernel.Errno.EBADF;
import static org.dmabufdio.runtime.kernel.Errno.EFAULT;
import static org.dmabufdio.runtime.kernel.Errno.EINVAL;
import static org.dmabufdio.runtime.kernel.Errno.ENOENT;
import static org.dmabufdio.runtime.kernel.Errno.ENOTTY;

import java.util.List;
import java.util.Map;

import org.dmabufdio.runtime.drivers.dmabuf.DmaBuf;
import org.dmabufdio.runtime.drivers.dmabuf.MapMethod;
import org.dmabufdio.runtime.fs.FileSystem;
import org.dmabufdio.runtime.fs.Inode;
import org.dmabufdio.runtime.fs.OpenFile;
import org.dmabufdio.runtime.fs.proc.Meminfo;
import org.dmabufdio.runtime.fs.proc.Smaps;
import org.dmabufdio.runtime.fs.proc.Status;
import org.dmabufdio.runtime.kernel.Boot;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.KFile;
import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.mm.Gup;
import org.dmabufdio.runtime.mm.Mappable;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.mm.Shmem.ShmemFile;
import org.dmabufdio.runtime.time.Cost;
import org.dmabufdio.runtime.util.Units;
import org.dmabufdio.runtime.workload.MemoryStress;

/**
 * A simulated machine and its system calls: the one facade callers (the scenario interpreter,
 * tests, benchmarks) use. Every call returns what the syscall would: a value >= 0 or -errno.
 * It knows nothing of the scenario language.
 */
public final class Machine {

	private final Kernel k;
	private final List<MemoryStress> stressors = new java.util.ArrayList<>();
	/** Long-lived pins by handle, with the process that holds them. */
	private final java.util.TreeMap<Integer, Object[]> pins = new java.util.TreeMap<>();

	/** Boots a kernel on the described machine and brings it to the state its profile gives. */
	public Machine(BootParams params, KernelVariant variant) {
		this.k = new Kernel(params, variant);
		Boot.populate(k);
	}

	/** The kernel inside, for views and assertions on its state. */
	public Kernel kernel() {
		return k;
	}

	/** Simulated time so far, ns. */
	public long now() {
		return k.clock.now();
	}

	/** A new process. */
	public Task spawn(String comm) {
		return k.spawn(comm);
	}

	/** Creates a file of {@code size} bytes on the data partition, on disk and not cached. */
	public Inode createFile(String name, long size) {
		return k.vfs.create(name, size, k.dataFs);
	}

	/**
	 * Creates a file on a filesystem of the given type and block size on the data device
	 * (mounted on first use).
	 */
	public Inode createFile(String name, long size, String fsType, int blockSize) {
		String mount = fsType + "-" + blockSize;
		FileSystem fs = k.vfs.filesystem(mount);
		if (fs == null) {
			fs = k.vfs.mount(mount, fsType, blockSize, k.bdev);
		}
		return k.vfs.create(name, size, fs);
	}

	/**
	 * Starts a memory stressor that eats {@code bytes} and keeps touching them (stressapptest -M),
	 * and lets the machine settle under it: kswapd brings the zones back to their high
	 * watermarks, as it does while the stressor runs before anything is measured. It runs
	 * {@code threads} copy threads (0: one per CPU).
	 */
	public MemoryStress stress(long bytes, int threads) {
		MemoryStress s = MemoryStress.start(k, bytes, threads);
		stressors.add(s);
		settle();
		return s;
	}

	private void enter() {
		k.costs.charge(Cost.SYSCALL_NS, 1);
	}

	/** openat() of a file on the data partition. */
	public long open(Task t, String name, int flags) {
		enter();
		Inode inode = k.vfs.lookup(name);
		if (inode == null) {
			return -ENOENT;
		}
		return k.fdInstall(t, new OpenFile(k, inode, flags, k.params.readAheadKb / 4));
	}

	public long close(Task t, int fd) {
		enter();
		return k.close(t, fd);
	}

	/**
	 * memcpy() in the process from {@code src} to {@code dst}: no system call, only the page
	 * faults the CPU takes on the way. Returns the bytes copied, or -EFAULT if none could be.
	 */
	public long memcpy(Task t, long dst, long src, long len) {
		long copied = k.uaccess.memcpy(t.mm(), dst, src, len);
		return copied == 0 && len > 0 ? -EFAULT : copied;
	}

	/** pread64() into user memory. */
	public long pread(Task t, int fd, long addr, long len, long pos) {
		enter();
		KFile f = t.file(fd);
		if (f == null) {
			return -EBADF;
		}
		if (!(f instanceof OpenFile file)) {
			return -EINVAL; // dma-bufs and memfds here have no read_iter worth modelling
		}
		return k.rw.pread(t.mm(), file, addr, len, pos);
	}

	/** pwrite64() from user memory. */
	public long pwrite(Task t, int fd, long addr, long len, long pos) {
		enter();
		KFile f = t.file(fd);
		if (f == null) {
			return -EBADF;
		}
		if (!(f instanceof OpenFile file)) {
			return -EINVAL;
		}
		return k.rw.pwrite(t.mm(), file, addr, len, pos);
	}

	/**
	 * mmap(NULL, len, prot, flags, fd, offset); fd -1 for anonymous memory. {@code method}
	 * chooses how a dma-buf heap maps its pages (KERNEL_DEFAULT: as the kernel does).
	 */
	public long mmap(Task t, long len, int prot, int flags, int fd, long offset, MapMethod method) {
		enter();
		if (!Units.isPageAligned(offset)) {
			return -EINVAL;
		}
		Mappable file = null;
		if ((flags & Mmap.MAP_ANONYMOUS) == 0) {
			KFile f = t.file(fd);
			if (f == null) {
				return -EBADF;
			}
			if (!(f instanceof Mappable m)) {
				return -org.dmabufdio.runtime.kernel.Errno.ENODEV;
			}
			file = m;
			if (f instanceof DmaBuf buf) {
				buf.setNextMapMethod(method);
			}
		}
		return k.mmap.doMmap(t.mm(), len, prot, flags, file, offset >>> Units.PAGE_SHIFT);
	}

	public long munmap(Task t, long addr, long len) {
		enter();
		return k.mmap.doMunmap(t.mm(), addr, len);
	}

	public long madvise(Task t, long addr, long len, int advice) {
		enter();
		if (advice != Mmap.MADV_DONTNEED) {
			return -EINVAL;
		}
		return k.mmap.madviseDontneed(t.mm(), addr, len);
	}

	/** DMA_HEAP_IOCTL_ALLOC on /dev/dma_heap/{heap}: a dma-buf descriptor or -errno. */
	public long dmaHeapAlloc(Task t, String heap, long len) {
		enter();
		long[] err = new long[1];
		DmaBuf buf = k.heaps.alloc(heap, len, 0, err);
		return buf == null ? err[0] : k.fdInstall(t, buf);
	}

	/** memfd_create(). */
	public long memfdCreate(Task t, String name) {
		enter();
		return k.fdInstall(t, k.shmem.memfdCreate(name));
	}

	/** ftruncate() of a memfd. */
	public long ftruncate(Task t, int fd, long size) {
		enter();
		if (!(t.file(fd) instanceof ShmemFile memfd)) {
			return t.file(fd) == null ? -EBADF : -EINVAL;
		}
		if (size < 0) {
			return -EINVAL;
		}
		memfd.truncate(size);
		return 0;
	}

	/** UDMABUF_CREATE on /dev/udmabuf over part of a memfd. */
	public long udmabufCreate(Task t, int memfdFd, long offset, long size) {
		enter();
		if (!(t.file(memfdFd) instanceof ShmemFile memfd)) {
			return t.file(memfdFd) == null ? -EBADF : -EINVAL;
		}
		long[] err = new long[1];
		DmaBuf buf = org.dmabufdio.runtime.drivers.dmabuf.Udmabuf.create(k, k.heaps, memfd, offset, size, err);
		return buf == null ? err[0] : k.fdInstall(t, buf);
	}

	/** fork(): the child's pid. */
	public long fork(Task parent) {
		enter();
		Task child = k.fork(parent, null);
		return child == null ? -org.dmabufdio.runtime.kernel.Errno.ENOMEM : child.pid;
	}

	/**
	 * exit(): closes everything and tears the address space down (check_mm() runs). Pins the
	 * process still holds are dropped after the address space is gone, as io_uring's deferred
	 * ring teardown does.
	 */
	public void exit(Task t) {
		enter();
		k.exit(t);
		for (Integer handle : new java.util.ArrayList<>(pins.keySet())) {
			if (pins.get(handle)[0] == t) {
				unpin(handle);
			}
		}
	}

	/**
	 * Pins user memory [addr, addr + len) until {@link #unpin}, as io_uring_register_buffers()
	 * or VFIO do (FOLL_WRITE, and FOLL_LONGTERM if asked). Returns a pin handle, or -errno if not
	 * every page could be pinned (nothing stays pinned then).
	 */
	public long pin(Task t, long addr, long len, boolean longterm) {
		enter();
		long first = addr >>> Units.PAGE_SHIFT;
		long n = ((addr + len - 1) >>> Units.PAGE_SHIFT) - first + 1;
		Gup.PinnedPages pinned = new Gup.PinnedPages();
		long got = k.gup.pinUserPagesFast(t.mm(), first, n, Gup.FOLL_WRITE | (longterm ? Gup.FOLL_LONGTERM : 0), pinned);
		if (got < n) {
			k.gup.unpinUserPages(pinned, false);
			return got < 0 ? got : -org.dmabufdio.runtime.kernel.Errno.EFAULT;
		}
		int handle = pins.isEmpty() ? 1 : pins.lastKey() + 1;
		pins.put(handle, new Object[] { t, pinned });
		return handle;
	}

	/** Drops a pin taken by {@link #pin}; the pages were written, so they are dirtied. */
	public long unpin(int handle) {
		Object[] pin = pins.remove(handle);
		if (pin == null) {
			return -EINVAL;
		}
		k.gup.unpinUserPages((Gup.PinnedPages) pin[1], true);
		return 0;
	}

	/** The CPU reads or writes user memory [addr, addr + len); returns bytes touched or -EFAULT. */
	public long touch(Task t, long addr, long len, boolean write) {
		long done = k.uaccess.touch(t.mm(), addr, len, write);
		return done == 0 && len > 0 ? -org.dmabufdio.runtime.kernel.Errno.EFAULT : done;
	}

	/** echo 1 > /proc/sys/vm/drop_caches: drops every clean, unmapped page-cache page. */
	public void dropCaches() {
		for (Inode inode : k.vfs.files()) {
			k.filemap.removeFolios(inode.mapping(), 0, Long.MAX_VALUE >>> Units.PAGE_SHIFT);
		}
	}

	/** Lets {@code ns} of time pass with the task idle: kswapd and the stressors go on. */
	public void sleep(long ns) {
		k.clock.advance(ns);
		k.vmscan.kswapdCatchUp();
		for (MemoryStress s : stressors) {
			s.keepTouching(k);
		}
	}

	/** Idles until kswapd has balanced the zones. */
	public void settle() {
		k.vmscan.kswapdRunToBalance();
	}

	/**
	 * copy_file_range(), sendfile() and splice() (through an internal pipe, as
	 * do_splice_direct()), all of which move file data without user memory: between regular
	 * files, or into a dma-buf on kernels that accept one. {@code call} only names the syscall in
	 * errors; the data path is the same.
	 */
	public long copyFileRange(Task t, int fdIn, long offIn, int fdOut, long offOut, long len) {
		enter();
		KFile in = t.file(fdIn);
		KFile out = t.file(fdOut);
		if (in == null || out == null) {
			return -EBADF;
		}
		if (!(in instanceof OpenFile src)) {
			return -EINVAL;
		}
		if (out instanceof OpenFile dst) {
			return k.rw.copyFileRange(src, offIn, dst, offOut, len);
		}
		if (out instanceof DmaBuf buf) {
			return k.dmabufIo.copyIntoDmaBuf(src, offIn, buf, offOut, len);
		}
		return -EINVAL;
	}

	/** DMA_HEAP_IOCTL_ALLOC_AND_READ: a dma-buf descriptor holding the file's data, or -errno. */
	public long dmaHeapAllocAndRead(Task t, String heap, int fileFd, long len) {
		enter();
		if (!(t.file(fileFd) instanceof OpenFile file)) {
			return t.file(fileFd) == null ? -EBADF : -EINVAL;
		}
		long[] err = new long[1];
		DmaBuf buf = k.dmabufIo.allocAndRead(heap, file, len, err);
		return buf == null ? err[0] : k.fdInstall(t, buf);
	}

	/** DMA_BUF_IOCTL_RW_FILE on a dma-buf descriptor. */
	public long dmaBufRwFile(Task t, int bufFd, int fileFd, long offset, long len, boolean write) {
		enter();
		if (!(t.file(bufFd) instanceof DmaBuf buf)) {
			return t.file(bufFd) == null ? -EBADF : -ENOTTY;
		}
		if (!(t.file(fileFd) instanceof OpenFile file)) {
			return t.file(fileFd) == null ? -EBADF : -EINVAL;
		}
		return k.dmabufIo.rwFile(buf, file, offset, len, write);
	}

	/** /proc/PID/status memory fields, kB. */
	public Map<String, Long> status(Task t) {
		return Status.show(t.mm());
	}

	/**
	 * Where the simulated time went so far, in ns: the CPU time charged per kind of work (named
	 * as the device profile names its cost) and {@code io_wait}, the time spent waiting for I/O.
	 * With two threads at work (alloc-and-read) the parts add up to more than the elapsed time.
	 */
	public Map<String, Long> timeSpent() {
		Map<String, Long> out = new java.util.LinkedHashMap<>();
		k.costs.spent().forEach((cost, ns) -> out.put(cost.key(), ns));
		if (k.clock.waited() > 0) {
			out.put("io_wait", k.clock.waited());
		}
		return out;
	}

	/** /proc/meminfo, kB. */
	public Map<String, Long> meminfo() {
		k.writeback.catchUp(); // writeback that completed by now shows as such
		return Meminfo.show(k);
	}

	/** /proc/vmstat: page counters in pages, events as counts. */
	public Map<String, Long> vmstat() {
		k.writeback.catchUp();
		return org.dmabufdio.runtime.fs.proc.ProcVmstat.show(k);
	}

	/** /proc/PID/smaps. */
	public List<Smaps.Entry> smaps(Task t) {
		return Smaps.show(k, t.mm());
	}

	/** The smaps entry of the mapping at {@code addr}. */
	public Smaps.Entry smapsAt(Task t, long addr) {
		return Smaps.showFor(k, t.mm(), addr);
	}

	/** Live dma-bufs. */
	public List<DmaBuf> dmabufs() {
		return k.heaps.live();
	}

	/** Per-buffer dma-buf totals (/sys/kernel/debug/dma_buf/bufinfo). */
	public List<org.dmabufdio.runtime.fs.proc.DmabufInfo.Buffer> bufinfo() {
		return org.dmabufdio.runtime.fs.proc.DmabufInfo.show(k);
	}
}
