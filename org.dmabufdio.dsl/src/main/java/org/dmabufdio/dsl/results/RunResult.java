package org.dmabufdio.dsl.results;

import java.util.List;

/** Everything one run produced: scenario results and the diagnostics of files that could not run. */
public record RunResult(List<ScenarioResult> scenarios, List<FileDiagnostic> diagnostics) {

	/** Files with errors: they did not parse or validate, so none of their scenarios ran. */
	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> "error".equals(d.severity()));
	}

	public long failed() {
		return scenarios.stream().filter(s -> !s.passed()).count();
	}
}
