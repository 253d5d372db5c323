package org.dmabufdio.runtime.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The hazards a run met, in order, each once per place it happened. */
public final class Findings {

	/** One hazard: what, where in the kernel, and the details a kernel engineer needs. */
	public record Finding(Hazard hazard, String kernelFunction, String message) {
		@Override
		public String toString() {
			return hazard.keyword() + " in " + kernelFunction + ": " + message;
		}
	}

	private final List<Finding> findings = new ArrayList<>();
	private final Set<String> seen = new java.util.HashSet<>();

	/** Reports a hazard; the same hazard at the same place for the same key is reported once. */
	public void report(Hazard hazard, String kernelFunction, String key, String message) {
		if (seen.add(hazard + "|" + kernelFunction + "|" + key)) {
			findings.add(new Finding(hazard, kernelFunction, message));
		}
	}

	public List<Finding> all() {
		return Collections.unmodifiableList(findings);
	}

	public int size() {
		return findings.size();
	}

	public boolean has(Hazard hazard) {
		return findings.stream().anyMatch(f -> f.hazard == hazard);
	}

	public Set<Hazard> hazards() {
		EnumSet<Hazard> set = EnumSet.noneOf(Hazard.class);
		findings.forEach(f -> set.add(f.hazard));
		return set;
	}
}
