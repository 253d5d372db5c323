package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Rounds;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Step;

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
	 * first one outermost), each repeated {@code rounds} times.
	 */
	public static List<Instance> expand(Scenario scenario) {
		List<ForEach> dims = new ArrayList<>();
		int rounds = 1;
		for (Step s : scenario.getSteps()) {
			if (s.getAction() instanceof ForEach f) {
				dims.add(f);
			} else if (s.getAction() instanceof Rounds r) {
				rounds = Math.max(1, r.getCount());
			}
		}
		List<Map<ForEach, String>> points = new ArrayList<>();
		points.add(new LinkedHashMap<>());
		for (ForEach dim : dims) {
			List<Map<ForEach, String>> next = new ArrayList<>();
			for (Map<ForEach, String> p : points) {
				for (String v : dim.getValues()) {
					Map<ForEach, String> q = new LinkedHashMap<>(p);
					q.put(dim, org.dmabufdio.dsl.util.Quotes.unquote(v));
					next.add(q);
				}
			}
			points = next;
		}
		List<Instance> out = new ArrayList<>();
		for (Map<ForEach, String> p : points) {
			for (int r = 1; r <= rounds; r++) {
				out.add(new Instance(p, r));
			}
		}
		return out;
	}
}
