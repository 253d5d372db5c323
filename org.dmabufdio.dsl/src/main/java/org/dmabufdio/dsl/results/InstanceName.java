package org.dmabufdio.dsl.results;

import java.util.Map;

import org.dmabufdio.dsl.util.Quotes;

/**
 * How a scenario instance is named wherever it stands alone (a JUnit test, a JUnit XML case,
 * {@code run --list}): {@code title {param=value, ...} #round}, the file before it with
 * {@code ›} where the file is not said elsewhere.
 */
public final class InstanceName {

	private InstanceName() {
	}

	/** {@code title {io=O_DIRECT, stress=0} #2}; no braces without params. */
	public static String of(String title, Map<String, String> params, int round) {
		StringBuilder out = new StringBuilder(title);
		if (!params.isEmpty()) {
			out.append(' ').append(params);
		}
		out.append(" #").append(round);
		return Quotes.escapeControls(out.toString());
	}

	public static String of(ScenarioResult s) {
		return of(s.name(), s.params(), s.round());
	}

	/** {@code file › title {params} #round}. */
	public static String withFile(String file, String instanceName) {
		return Quotes.escapeControls(file) + " \u203a " + instanceName;
	}
}
