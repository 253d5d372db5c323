package org.dmabufdio.runtime.time;

/**
 * What background load takes from the task a scenario runs. CPU time is shared as CFS shares
 * it among equal weights (kernel/sched/fair.c): the task runs on the least loaded CPU and gets
 * an equal slice with the busy threads already there. DRAM bandwidth, once the demands add up to
 * more than the memory system delivers, is shared in proportion to what each user asks for.
 */
public final class Contention {

	private final int cpus;
	private final double dramBytesPerSecond;
	/** CPU-bound background threads (a stressor's copy threads). */
	private int busyThreads;
	/** Bytes per second background threads ask of DRAM. */
	private double dramDemand;

	/** {@code cpus} CPUs and a memory system that delivers {@code dramBytesPerSecond} (0: unlimited). */
	public Contention(int cpus, double dramBytesPerSecond) {
		this.cpus = Math.max(1, cpus);
		this.dramBytesPerSecond = dramBytesPerSecond;
	}

	/** A background workload starts {@code threads} busy threads, asking {@code bytesPerSecond} of DRAM. */
	public void addLoad(int threads, double bytesPerSecond) {
		busyThreads += threads;
		dramDemand += bytesPerSecond;
		cpuFactor = 1 + busyThreads / cpus;
	}

	public int cpus() {
		return cpus;
	}

	/**
	 * How many times longer CPU work takes: 1 while an idle CPU is left, 2 once every CPU runs one
	 * busy thread (the task gets half of the least loaded one), and so on.
	 */
	public double cpuFactor() {
		return cpuFactor;
	}

	/** cpuFactor(), kept: every CPU charge asks for it. */
	private double cpuFactor = 1;

	/**
	 * The fraction of {@code demandBytesPerSecond} a user of DRAM (a device's DMA, a CPU copy)
	 * gets while the background asks for its share too: 1 unless the memory system is saturated.
	 */
	public double dramShare(double demandBytesPerSecond) {
		double total = demandBytesPerSecond + dramDemand;
		if (dramBytesPerSecond <= 0 || total <= dramBytesPerSecond) {
			return 1;
		}
		return dramBytesPerSecond / total;
	}
}
