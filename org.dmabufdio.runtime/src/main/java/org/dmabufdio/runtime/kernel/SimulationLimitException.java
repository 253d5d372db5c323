package org.dmabufdio.runtime.kernel;

/**
 * A simulation that would take more work than its caller allowed (a size far beyond what the
 * range representation can do in reasonable time, or a runaway loop): stopped with a message,
 * never left to exhaust the host.
 */
public final class SimulationLimitException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SimulationLimitException(String message) {
		super(message);
	}
}
