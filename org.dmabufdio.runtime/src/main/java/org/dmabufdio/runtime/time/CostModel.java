package org.dmabufdio.runtime.time;

import java.util.EnumMap;
import java.util.Map;

/** The unit costs of one device, charged to a {@link Clock}. */
public final class CostModel {

	private final Map<Cost, Double> values = new EnumMap<>(Cost.class);
	private final Clock clock;

	public CostModel(Clock clock) {
		this.clock = clock;
	}

	public void set(Cost cost, double value) {
		values.put(cost, value);
	}

	public double get(Cost cost) {
		Double v = values.get(cost);
		if (v == null) {
			throw new IllegalStateException("the device profile gives no value for " + cost);
		}
		return v;
	}

	public boolean has(Cost cost) {
		return values.containsKey(cost);
	}

	/** Advances the clock by {@code count} units of a per-unit ns cost. */
	public void charge(Cost perUnitNs, long count) {
		clock.advance(nanos(perUnitNs, count));
	}

	/** The ns {@code count} units of a per-unit ns cost take. */
	public long nanos(Cost perUnitNs, long count) {
		return Math.round(get(perUnitNs) * count);
	}

	/** The ns copying {@code bytes} takes at the profile's memcpy bandwidth. */
	public long copyNanos(long bytes) {
		return Math.round(bytes * 1e9 / get(Cost.MEMCPY_BYTES_PER_S));
	}

	public Clock clock() {
		return clock;
	}
}
