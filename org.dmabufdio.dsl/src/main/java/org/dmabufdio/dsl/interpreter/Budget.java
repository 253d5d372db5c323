package org.dmabufdio.dsl.interpreter;

/**
 * Limits that stop a runaway scenario with an error verdict: steps executed, simulated time,
 * wall time per instance, and units of simulator work (see Kernel#tick()).
 */
public record Budget(long maxSteps, long maxSimulatedNs, long maxWallNs, long maxWork) {

	/** Generous defaults: a real scenario never gets near them. */
	public static final Budget DEFAULT = new Budget(1_000_000, 24L * 3600 * 1_000_000_000L, 120L * 1_000_000_000L,
			200_000_000L);
}
