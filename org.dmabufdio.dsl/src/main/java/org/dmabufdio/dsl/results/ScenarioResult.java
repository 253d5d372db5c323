package org.dmabufdio.dsl.results;

import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.util.Quotes;

/**
 * One run of one scenario instance (a point of its matrix, one round): the scenario's tags, the
 * verdict, where and why it failed, its measured time, its steps and the hazards the simulator
 * found.
 */
public record ScenarioResult(String file, String name, List<String> tags, Map<String, String> params, int round,
		Verdict status, String message, int line, int column, long timeNs, List<StepResult> steps, List<String> hazards) {

	/**
	 * Why it did not pass, as every report and runner says it: {@code file:line:col: message},
	 * then a {@code hazard: ...} line per hazard, control characters escaped.
	 */
	public List<String> why() {
		List<String> lines = new java.util.ArrayList<>();
		lines.add(Quotes.escapeControls(file) + ":" + line + ":" + column + ": " + Quotes.escapeControls(message));
		hazards.forEach(h -> lines.add("hazard: " + Quotes.escapeControls(h)));
		return lines;
	}

	public boolean passed() {
		return status == Verdict.PASS || status == Verdict.XFAIL || status == Verdict.SKIP;
	}
}
