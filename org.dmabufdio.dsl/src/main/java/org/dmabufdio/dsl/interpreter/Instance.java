package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Rounds;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.util.Quotes;

/** One run of a scenario: a point of its matrix and a round (1-based). */
public record Instance(Map<ForEach, String> params, int round) {

	/** The params by name, for reports. */
	public Map<String, String> paramsByName() {
		Map<String, String> m = new LinkedHashMap<>();
		params.forEach((k, v) -> m.put(k.getName(), v));
		return m;
	}

	/**
	 * Every instance of a scenario: the cartesian product of its {@code for} dimensions (the
	 * first one outermost), each repeated {@code rounds} times. Built one at a time as they are
	 * run, so a scenario's count is checked ({@link #count(Scenario)}) before any exists.
	 */
	public static Iterable<Instance> expand(Scenario scenario) {
		List<ForEach> dims = dimensions(scenario);
		int rounds = rounds(scenario);
		return () -> new Iterator<>() {
			private final int[] digits = new int[dims.size()];
			private int round = 1;
			private boolean done = dims.stream().anyMatch(d -> d.getValues().isEmpty());

			@Override
			public boolean hasNext() {
				return !done;
			}

			@Override
			public Instance next() {
				if (done) {
					throw new NoSuchElementException();
				}
				Map<ForEach, String> point = new LinkedHashMap<>();
				for (int i = 0; i < dims.size(); i++) {
					point.put(dims.get(i), Quotes.unquote(dims.get(i).getValues().get(digits[i])));
				}
				Instance out = new Instance(point, round);
				advance();
				return out;
			}

			/** Rounds run fastest, then the last dimension, the first one slowest. */
			private void advance() {
				if (++round <= rounds) {
					return;
				}
				round = 1;
				for (int i = dims.size() - 1; i >= 0; i--) {
					if (++digits[i] < dims.get(i).getValues().size()) {
						return;
					}
					digits[i] = 0;
				}
				done = true;
			}
		};
	}

	/** How many instances {@link #expand(Scenario)} gives, saturating at {@link Long#MAX_VALUE}. */
	public static long count(Scenario scenario) {
		long n = rounds(scenario);
		for (ForEach d : dimensions(scenario)) {
			n = saturatingTimes(n, d.getValues().size());
		}
		return n;
	}

	/** The count as its factors, for a message: "rounds 1000 × 4 kernel × 3 stress = 12000 instances". */
	public static String describeCount(Scenario scenario) {
		List<String> factors = new ArrayList<>();
		if (rounds(scenario) > 1 || dimensions(scenario).isEmpty()) {
			factors.add("rounds " + rounds(scenario));
		}
		for (ForEach d : dimensions(scenario)) {
			factors.add(d.getValues().size() + " " + d.getName());
		}
		long n = count(scenario);
		return String.join(" × ", factors) + " = " + (n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : n) + " instances";
	}

	private static List<ForEach> dimensions(Scenario scenario) {
		List<ForEach> dims = new ArrayList<>();
		for (Step s : scenario.getSteps()) {
			if (s.getAction() instanceof ForEach f) {
				dims.add(f);
			}
		}
		return dims;
	}

	private static int rounds(Scenario scenario) {
		int rounds = 1;
		for (Step s : scenario.getSteps()) {
			if (s.getAction() instanceof Rounds r) {
				rounds = Math.max(1, r.getCount());
			}
		}
		return rounds;
	}

	private static long saturatingTimes(long a, long b) {
		long hi = Math.multiplyHigh(a, b);
		long lo = a * b;
		return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
	}
}
