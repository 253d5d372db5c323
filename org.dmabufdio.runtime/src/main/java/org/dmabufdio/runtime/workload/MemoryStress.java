package org.dmabufdio.runtime.workload;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.kernel.Task;
import org.dmabufdio.runtime.mm.Mmap;
import org.dmabufdio.runtime.time.Cost;

/**
 * A background process that eats memory and keeps touching it, as {@code stressapptest -M}
 * does: anonymous pages, written once and then referenced so often that they stay on the
 * active list, competing with everyone else for free pages. Its copy threads (one per CPU
 * unless told otherwise, as stressapptest's {@code -m} defaults) keep CPUs busy and ask DRAM
 * for as much as they can copy.
 */
public final class MemoryStress {

	private final Task task;
	private final long addr;
	private final long bytes;

	private MemoryStress(Task task, long addr, long bytes) {
		this.task = task;
		this.addr = addr;
		this.bytes = bytes;
	}

	/**
	 * Starts the stressor: maps {@code bytes} of anonymous memory, writes every page and starts
	 * {@code threads} copy threads (0: one per CPU).
	 */
	public static MemoryStress start(Kernel k, long bytes, int threads) {
		Task task = k.spawn("stressapptest");
		long addr = k.mmap.doMmap(task.mm(), bytes, Mmap.PROT_READ | Mmap.PROT_WRITE,
				Mmap.MAP_PRIVATE | Mmap.MAP_ANONYMOUS, null, 0);
		if (addr < 0) {
			return new MemoryStress(task, addr, 0);
		}
		long touched = k.uaccess.touch(task.mm(), addr, bytes, true);
		task.mm().findVma(addr >>> 12).markAlwaysReferenced();
		MemoryStress stress = new MemoryStress(task, addr, touched);
		stress.keepTouching(k);
		int copiers = threads > 0 ? threads : k.contention.cpus();
		k.contention.addLoad(copiers, copiers * k.costs.get(Cost.MEMCPY_BYTES_PER_S));
		return stress;
	}

	/** The stressor reads its memory again: its pages are referenced, so they stay active. */
	public void keepTouching(Kernel k) {
		if (bytes > 0) {
			k.anonVmas.markAccessed(task.mm(), addr, bytes);
			k.anonVmas.markAccessed(task.mm(), addr, bytes);
		}
	}

	public Task task() {
		return task;
	}

	/** Bytes the stressor holds. */
	public long bytes() {
		return bytes;
	}
}
