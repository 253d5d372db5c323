package org.dmabufdio.dsl.results;

import java.util.List;

/**
 * Everything one run produced: scenario results, the tables their files asked for, and the
 * diagnostics of files that could not run.
 */
public record RunResult(List<ScenarioResult> scenarios, List<ResultTable> tables, List<FileDiagnostic> diagnostics) {

	public RunResult(List<ScenarioResult> scenarios, List<FileDiagnostic> diagnostics) {
		this(scenarios, List.of(), diagnostics);
	}

	/** Files with errors: they did not parse or validate, so none of their scenarios ran. */
	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> "error".equals(d.severity()));
	}

	public long failed() {
		return scenarios.stream().filter(s -> !s.passed()).count();
	}
}
