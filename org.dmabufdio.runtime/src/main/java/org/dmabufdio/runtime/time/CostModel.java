package org.dmabufdio.runtime.time;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit costs of one device, charged to a {@link Clock} as the simulator does the work they
 * price. CPU costs stretch under {@link Contention}; every charge is also added up per cost, so
 * a step can say where its time went.
 */
public final class CostModel {

	/** By Cost ordinal; NaN where the profile gave no value. Charged on every page run: no boxing. */
	private final double[] values = new double[Cost.values().length];
	private final Clock clock;
	private Contention contention = new Contention(1, 0);
	private final long[] spent = new long[Cost.values().length];
	/** This boot's CPU speed around the profile's (run-to-run noise); costs are divided by it. */
	private double speed = 1;

	public CostModel(Clock clock) {
		this.clock = clock;
		java.util.Arrays.fill(values, Double.NaN);
	}

	public void set(Cost cost, double value) {
		values[cost.ordinal()] = value;
	}

	public void setContention(Contention contention) {
		this.contention = contention;
	}

	public void setSpeed(double speed) {
		this.speed = speed;
	}

	public Contention contention() {
		return contention;
	}

	public double get(Cost cost) {
		double v = values[cost.ordinal()];
		if (Double.isNaN(v)) {
			throw new IllegalStateException("the device profile gives no value for " + cost);
		}
		return v;
	}

	public boolean has(Cost cost) {
		return !Double.isNaN(values[cost.ordinal()]);
	}

	/** Advances the clock by {@code count} units of a per-unit ns CPU cost. */
	public void charge(Cost perUnitNs, long count) {
		long ns = nanos(perUnitNs, count);
		spent[perUnitNs.ordinal()] += ns;
		clock.advance(ns);
	}

	/** The ns {@code count} units of a per-unit ns CPU cost take now, contention included. */
	public long nanos(Cost perUnitNs, long count) {
		return Math.round(get(perUnitNs) * count * contention.cpuFactor() / speed);
	}

	/** Advances the clock by the time the CPU takes to copy {@code bytes}. */
	public void chargeCopy(long bytes) {
		long ns = copyNanos(bytes);
		spent[Cost.MEMCPY_BYTES_PER_S.ordinal()] += ns;
		clock.advance(ns);
	}

	/**
	 * The ns copying {@code bytes} takes: at the profile's memcpy bandwidth, or the share of it
	 * DRAM gives under load, on the share of a CPU the scheduler gives.
	 */
	public long copyNanos(long bytes) {
		double bandwidth = get(Cost.MEMCPY_BYTES_PER_S);
		return Math.round(bytes * 1e9 / (bandwidth * contention.dramShare(bandwidth)) * contention.cpuFactor() / speed);
	}

	/** Scenarios start at time 0 with nothing spent: the boot's work is forgotten. */
	public void resetAfterBoot() {
		clock.resetAfterBoot();
		java.util.Arrays.fill(spent, 0);
	}

	public Clock clock() {
		return clock;
	}

	/** Time charged so far, per cost that was charged, in ns. */
	public Map<Cost, Long> spent() {
		Map<Cost, Long> out = new LinkedHashMap<>();
		for (Cost c : Cost.values()) {
			if (spent[c.ordinal()] != 0) {
				out.put(c, spent[c.ordinal()]);
			}
		}
		return out;
	}
}
