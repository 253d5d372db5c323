package org.dmabufdio.dsl.interpreter;

/**
 * Limits that stop a runaway scenario with an error verdict: steps executed, simulated time,
 * wall time per instance, units of simulator work (see Kernel#tick()), the share of the JVM's
 * heap the simulated state may take, and how many instances one scenario may expand to (checked
 * before any is built).
 */
public record Budget(long maxSteps, long maxSimulatedNs, long maxWallNs, long maxWork, double maxHeapShare,
		long maxInstances) {

	/** How deep fragments may call fragments: deeper is a cycle the validator missed, or worse. */
	public static final int MAX_FRAGMENT_DEPTH = 64;

	/** Generous defaults: a real scenario never gets near them. */
	public static final Budget DEFAULT = new Budget(1_000_000, 24L * 3600 * 1_000_000_000L, 120L * 1_000_000_000L,
			200_000_000L, 0.6, 10_000);

	public Budget withMaxInstances(long n) {
		return new Budget(maxSteps, maxSimulatedNs, maxWallNs, maxWork, maxHeapShare, n);
	}

	public Budget withMaxHeapShare(double share) {
		return new Budget(maxSteps, maxSimulatedNs, maxWallNs, maxWork, share, maxInstances);
	}

	/** The same budget with these three limits. */
	public Budget withLimits(long steps, long simulatedNs, long work) {
		return new Budget(steps, simulatedNs, maxWallNs, work, maxHeapShare, maxInstances);
	}
}
