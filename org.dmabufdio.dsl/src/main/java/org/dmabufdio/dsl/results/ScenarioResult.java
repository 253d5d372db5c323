package org.dmabufdio.dsl.results;

import java.util.List;
import java.util.Map;

/**
 * One run of one scenario instance (a point of its matrix, one round): the scenario's tags, the
 * verdict, where and why it failed, its measured time, its steps and the hazards the simulator
 * found.
 */
public record ScenarioResult(String file, String name, List<String> tags, Map<String, String> params, int round,
		Verdict status, String message, int line, int column, long timeNs, List<StepResult> steps, List<String> hazards) {

	public boolean passed() {
		return status == Verdict.PASS || status == Verdict.XFAIL || status == Verdict.SKIP;
	}
}
