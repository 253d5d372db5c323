package org.dmabufdio.runtime.time;

/**
 * The simulated time of the machine, in ns. Only the simulator advances it, by the cost of the
 * work it does; nothing reads the host's clock.
 */
public final class Clock {

	private long now;

	public long now() {
		return now;
	}

	/** Spends {@code ns} of the running task's time. */
	public void advance(long ns) {
		if (ns < 0) {
			throw new IllegalArgumentException("time cannot go back: " + ns);
		}
		now += ns;
	}

	/** Sets time back to zero once the machine has booted: scenarios start at 0. */
	public void resetAfterBoot() {
		now = 0;
	}

	/** Waits until {@code time} (no-op if it has passed). */
	public void waitUntil(long time) {
		if (time > now) {
			now = time;
		}
	}
}
