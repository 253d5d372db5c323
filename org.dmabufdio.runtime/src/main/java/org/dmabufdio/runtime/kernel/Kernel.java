package org.dmabufdio.runtime.kernel;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.dmabufdio.runtime.block.BlockDevice;
import org.dmabufdio.runtime.drivers.dmabuf.DmaBufFileIo;
import org.dmabufdio.runtime.drivers.dmabuf.DmaHeaps;
import org.dmabufdio.runtime.fs.DirectIo;
import org.dmabufdio.runtime.fs.FileSystem;
import org.dmabufdio.runtime.fs.Filemap;
import org.dmabufdio.runtime.fs.FsWriteback;
import org.dmabufdio.runtime.fs.ReadWrite;
import org.dmabufdio.runtime.fs.Readahead;
import org.dmabufdio.runtime.fs.Vfs;
import org.dmabufdio.runtime.mm.AnonVmas;
import org.dmabufdio.runtime.mm.Cma;
import org.dmabufdio.runtime.mm.Gup;
import org.dmabufdio.runtime.mm.Lru;
import org.dmabufdio.runtime.mm.Memory;
import org.dmabufdio.runtime.mm.MmStruct;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.mm.PageAllocator;
import org.dmabufdio.runtime.mm.PageWriteback;
import org.dmabufdio.runtime.mm.Rmap;
import org.dmabufdio.runtime.mm.Shmem;
import org.dmabufdio.runtime.mm.Swap;
import org.dmabufdio.runtime.mm.Uaccess;
import org.dmabufdio.runtime.mm.VmFlags;
import org.dmabufdio.runtime.util.HeapGuard;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.mm.Vmscan;
import org.dmabufdio.runtime.mm.Vmstat;
import org.dmabufdio.runtime.time.Clock;
import org.dmabufdio.runtime.time.Contention;
import org.dmabufdio.runtime.time.CostModel;
import org.dmabufdio.runtime.util.Units;

/**
 * One simulated kernel: every subsystem, wired as the kernel's globals are, plus the process
 * table and the file reference counts. Subsystems reach each other through it.
 */
public final class Kernel {

	public final BootParams params;
	public final KernelVariant variant;
	public final Clock clock = new Clock();
	public final CostModel costs;
	/** The run's only source of randomness, seeded. */
	public final SplittableRandom random;
	public final Findings findings = new Findings();
	/** What background load takes from the scenario's task (CPU time, DRAM bandwidth). */
	public final Contention contention;

	public final Vmstat vmstat = new Vmstat();
	public final PageAllocator pageAlloc;
	public final Cma cma;
	public final Lru lru;
	public final Vmscan vmscan;
	public final Rmap rmap;
	public final AnonVmas anonVmas;
	public final Memory memory;
	public final Gup gup;
	public final Mmap mmap;
	public final Shmem shmem;
	public final Uaccess uaccess;

	public final BlockDevice bdev;
	public final Vfs vfs;
	public final FileSystem dataFs;
	public final Filemap filemap;
	public final PageWriteback pageWriteback;
	public final FsWriteback writeback;
	public final Readahead readahead;
	public final DirectIo directIo;
	public final ReadWrite rw;

	public final DmaHeaps heaps;
	public final DmaBufFileIo dmabufIo;

	private final Swap swap;
	private long work;
	private long workLimit = Long.MAX_VALUE;
	private long deadline = Long.MAX_VALUE;
	private HeapGuard heap = new HeapGuard(1);
	private final TreeMap<Integer, Task> tasks = new TreeMap<>();
	private final Map<KFile, Integer> fileRefs = new IdentityHashMap<>();
	private int nextPid = 1;

	public Kernel(BootParams p, KernelVariant variant) {
		this.params = p;
		this.variant = variant;
		this.random = new SplittableRandom(p.seed);
		this.costs = new CostModel(clock);
		p.costs.forEach(costs::set);
		this.contention = new Contention(p.cpus, p.dramBytesPerSecond);
		costs.setContention(contention);
		SplittableRandom jitter = random.split();
		costs.setSpeed(noise(jitter, p.noisePermille));
		double deviceSpeed = noise(jitter, p.noisePermille);

		long ramPages = p.ramBytes >>> Units.PAGE_SHIFT;
		long dma32Pages = Math.min(p.dma32Bytes >>> Units.PAGE_SHIFT, ramPages);
		if (dma32Pages > 0 && dma32Pages < ramPages) {
			pageAlloc = new PageAllocator(new String[] { "DMA32", "Normal" },
					new long[] { dma32Pages, ramPages - dma32Pages }, p.reservedBytes() >>> Units.PAGE_SHIFT, vmstat);
		} else {
			pageAlloc = new PageAllocator(new String[] { "Normal" }, new long[] { ramPages },
					p.reservedBytes() >>> Units.PAGE_SHIFT, vmstat);
		}
		long cmaPages = p.cmaBytes >>> Units.PAGE_SHIFT;
		long cmaBase = cmaPages > 0 ? pageAlloc.carveOut(cmaPages) : -1;
		cma = new Cma(cmaBase, cmaBase < 0 ? 0 : cmaPages, vmstat);
		pageAlloc.initPerZoneWmarkMin(p.minFreeKbytes);
		pageAlloc.setWatermarkScaleFactor(p.watermarkScaleFactor);

		lru = new Lru(vmstat);
		if (p.lruGen) {
			lru.enableLruGen();
			lru.lruGen().setMmList(() -> tasks.values().stream().map(Task::mm).toList());
		}
		vmscan = new Vmscan(pageAlloc, lru, vmstat, costs);
		vmscan.setKswapdSpeedPercent(p.kswapdSpeedPercent);
		swap = p.swapBytes > 0 ? new Swap(p.swapBytes >>> Units.PAGE_SHIFT, p.swapCompression, pageAlloc, vmstat) : null;
		vmscan.setSwap(swap);
		vmscan.setTick(this::tick);
		rmap = new Rmap(this);
		vmscan.setRmap(rmap);
		anonVmas = new AnonVmas(this);
		memory = new Memory(this);
		gup = new Gup(this);
		mmap = new Mmap(this);
		shmem = new Shmem(this);
		uaccess = new Uaccess(this);

		bdev = new BlockDevice("data", p.logicalBlockSize, p.maxRequestBytes, p.queueDepth,
				p.readBytesPerSecond * deviceSpeed, p.writeBytesPerSecond * deviceSpeed,
				Math.round(p.requestLatencyNs / deviceSpeed), contention);
		vfs = new Vfs(this);
		dataFs = vfs.mount("data", p.filesystem, p.fsBlockSize, bdev);
		filemap = new Filemap(this);
		pageWriteback = new PageWriteback(pageAlloc, lru, vmstat);
		pageWriteback.setRatios(p.dirtyRatio, p.dirtyBackgroundRatio);
		writeback = new FsWriteback(this, pageWriteback);
		vmscan.setFlusher(writeback);
		readahead = new Readahead(this);
		directIo = new DirectIo(this);
		rw = new ReadWrite(this);
		heaps = new DmaHeaps(this);
		dmabufIo = new DmaBufFileIo(this);
	}

	/**
	 * A speed factor around 1 with the run-to-run spread a device shows (standard deviation
	 * {@code permille} / 1000), drawn once per boot: the same seed gives the same machine.
	 */
	private static double noise(SplittableRandom random, int permille) {
		if (permille <= 0) {
			return 1;
		}
		double g = gaussian(random);
		return Math.max(0.5, 1 + permille / 1000.0 * Math.max(-3, Math.min(3, g)));
	}

	/** A standard normal draw (Box-Muller), so the sequence depends only on the seed. */
	private static double gaussian(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/**
	 * The seed's patch 2 guard {@code vma->vm_flags & VM_DMABUF_DIO}: true only on a kernel
	 * carrying that patch, for a vma its system heap marked.
	 */
	public boolean vmDmabufDio(Vma vma) {
		return variant.has(Feature.VM_DMABUF_DIO) && vma.hasFlag(VmFlags.VM_DMABUF_DIO);
	}

	/**
	 * Bounds the work the simulation may do from now on: a number of work units (readahead
	 * windows, allocated blocks, reclaim batches, bios ...) and a wall-clock deadline
	 * ({@link System#nanoTime()}); passing either throws {@link SimulationLimitException}.
	 */
	public void limitWork(long units, long deadlineNanoTime) {
		limitWork(units, deadlineNanoTime, 1);
	}

	/**
	 * As {@link #limitWork(long, long)}, and the JVM's live heap may not grow past
	 * {@code heapShare} of its maximum (checked with the deadline, see {@link HeapGuard}).
	 */
	public void limitWork(long units, long deadlineNanoTime, double heapShare) {
		this.work = 0;
		this.workLimit = units;
		this.deadline = deadlineNanoTime;
		this.heap = new HeapGuard(heapShare);
	}

	/** Throws {@link SimulationLimitException} if the live heap is past the share {@link #limitWork} allows. */
	public void checkHeap() {
		long live = heap.over();
		if (live >= 0) {
			throw new SimulationLimitException(String.format(java.util.Locale.ROOT,
					"the simulated state needs more memory than the simulator may use (%d MiB live, the limit is %.0f%% of a %d MiB heap)",
					live >> 20, heap.share() * 100, Runtime.getRuntime().maxMemory() >> 20));
		}
	}

	/** Counts one unit of work in a loop whose length depends on sizes a scenario chose. */
	public void tick() {
		if (++work > workLimit) {
			throw new SimulationLimitException("the simulation needs more than " + workLimit
					+ " steps of work here: a size this large is beyond what it can simulate in time");
		}
		if ((work & 0xfff) == 0) {
			if (System.nanoTime() > deadline) {
				throw new SimulationLimitException("the simulation ran past its wall-clock budget");
			}
			checkHeap();
		}
	}

	/** Swap space, or null if the machine has none. */
	public Swap swap() {
		return swap;
	}

	/** A new process with an empty address space. */
	public Task spawn(String comm) {
		Task t = new Task(nextPid++, comm, null);
		tasks.put(t.pid, t);
		return t;
	}

	public Task task(int pid) {
		return tasks.get(pid);
	}

	public Collection<Task> tasks() {
		return Collections.unmodifiableCollection(tasks.values());
	}

	/** fd_install(): a new descriptor for a file, which gains a reference. */
	public int fdInstall(Task task, KFile file) {
		fileRefs.merge(file, 1, Integer::sum);
		return task.installFd(file);
	}

	/** close(): the file's release runs when its last descriptor is gone. Returns 0 or -EBADF. */
	public long close(Task task, int fd) {
		KFile file = task.fds.remove(fd);
		if (file == null) {
			return -Errno.EBADF;
		}
		if (fileRefs.merge(file, -1, Integer::sum) == 0) {
			fileRefs.remove(file);
			file.release();
		}
		return 0;
	}

	/**
	 * {@code copy_process()} (kernel/fork.c): a child with a copy of the parent's address space
	 * ({@code dup_mmap()}) and its descriptors. Returns the child, or null if copying failed.
	 */
	public Task fork(Task parent, String comm) {
		Task child = new Task(nextPid++, comm != null ? comm : parent.comm, parent);
		long ret = mmap.dupMmap(child.mm, parent.mm);
		if (ret < 0) {
			mmap.exitMmap(child.mm);
			return null;
		}
		parent.fds.forEach((fd, file) -> {
			child.fds.put(fd, file);
			fileRefs.merge(file, 1, Integer::sum);
		});
		tasks.put(child.pid, child);
		return child;
	}

	/**
	 * {@code do_exit()}: closes every descriptor, tears the address space down
	 * ({@code exit_mmap()}) and runs {@code check_mm()}.
	 */
	public void exit(Task task) {
		if (task.exited) {
			return;
		}
		for (int fd : task.fds.keySet().toArray(new Integer[0])) {
			close(task, fd);
		}
		mmap.exitMmap(task.mm);
		checkMm(task.mm);
		task.exited = true;
	}

	/**
	 * {@code check_mm()} (kernel/fork.c): every RSS counter must be back to zero once the
	 * address space is gone; a counter that is not is reported as "Bad rss-counter state".
	 */
	void checkMm(MmStruct mm) {
		for (int i = 0; i < MmStruct.NR_MM_COUNTERS; i++) {
			long val = mm.rawMmCounter(i);
			if (val != 0) {
				findings.report(Hazard.BAD_RSS_COUNTER, "check_mm", mm.owner + i,
						"BUG: Bad rss-counter state mm:" + mm.owner + " type:" + MmStruct.counterName(i) + " val:" + val);
			}
		}
	}
}
