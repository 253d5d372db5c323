package org.dmabufdio.runtime.time;

/**
 * The simulated time of the machine, in ns. Only the simulator advances it, by the cost of the
 * work it does; nothing reads the host's clock.
 */
public final class Clock {

	private long now;
	private long waited;

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

	/**
	 * Runs another thread: the clock shows that thread's time, earlier or later than the one
	 * left. Only code that simulates two threads working side by side switches, and it switches
	 * back before returning.
	 */
	public void switchTo(long threadTime) {
		if (threadTime < 0) {
			throw new IllegalArgumentException("no thread runs before time 0: " + threadTime);
		}
		now = threadTime;
	}

	/** Sets time back to zero once the machine has booted: scenarios start at 0. */
	public void resetAfterBoot() {
		now = 0;
		waited = 0;
	}

	/** Waits until {@code time} (no-op if it has passed), for I/O to complete. */
	public void waitUntil(long time) {
		if (time > now) {
			waited += time - now;
			now = time;
		}
	}

	/** Time spent waiting for I/O so far, in ns. */
	public long waited() {
		return waited;
	}
}
