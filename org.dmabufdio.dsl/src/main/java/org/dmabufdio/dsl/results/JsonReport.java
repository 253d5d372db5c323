package org.dmabufdio.dsl.results;

import java.util.List;
import java.util.Map;

/**
 * The JSON document of a run: {"scenarios":[...]} with the fields the README documents. Keys
 * keep their order, counters keep the kernel's names and kB; the shape only ever grows.
 */
public final class JsonReport {

	private final StringBuilder out = new StringBuilder();

	private JsonReport() {
	}

	public static String render(RunResult run) {
		JsonReport j = new JsonReport();
		j.out.append("{\"scenarios\":[");
		for (int i = 0; i < run.scenarios().size(); i++) {
			if (i > 0) {
				j.out.append(',');
			}
			j.scenario(run.scenarios().get(i));
		}
		j.out.append("],\"tables\":[");
		for (int i = 0; i < run.tables().size(); i++) {
			if (i > 0) {
				j.out.append(',');
			}
			j.table(run.tables().get(i));
		}
		j.out.append("],\"diagnostics\":[");
		for (int i = 0; i < run.diagnostics().size(); i++) {
			FileDiagnostic d = run.diagnostics().get(i);
			if (i > 0) {
				j.out.append(',');
			}
			j.out.append('{');
			j.field("file", d.file()).append(',');
			j.field("line", d.line()).append(',');
			j.field("column", d.column()).append(',');
			j.field("severity", d.severity()).append(',');
			j.field("message", d.message()).append(',');
			j.field("code", d.code());
			j.out.append('}');
		}
		j.out.append("]}");
		return j.out.toString();
	}

	private void scenario(ScenarioResult s) {
		out.append('{');
		field("file", s.file()).append(',');
		field("name", s.name()).append(',');
		key("tags").append('[');
		for (int i = 0; i < s.tags().size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			string(s.tags().get(i));
		}
		out.append("],");
		key("params").append('{');
		int n = 0;
		for (Map.Entry<String, String> e : s.params().entrySet()) {
			if (n++ > 0) {
				out.append(',');
			}
			field(e.getKey(), e.getValue());
		}
		out.append("},");
		field("round", s.round()).append(',');
		field("status", s.status().word()).append(',');
		field("message", s.message()).append(',');
		field("line", s.line()).append(',');
		field("column", s.column()).append(',');
		field("time_ns", s.timeNs()).append(',');
		key("hazards").append('[');
		for (int i = 0; i < s.hazards().size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			string(s.hazards().get(i));
		}
		out.append("],");
		key("steps").append('[');
		List<StepResult> steps = s.steps();
		for (int i = 0; i < steps.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			step(steps.get(i));
		}
		out.append("]}");
	}

	private void table(ResultTable t) {
		out.append('{');
		field("file", t.file()).append(',');
		field("title", t.title()).append(',');
		field("row_heading", t.rowHeading()).append(',');
		key("columns").append('[');
		for (int i = 0; i < t.columns().size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			string(t.columns().get(i));
		}
		out.append("],");
		key("rows").append('[');
		for (int i = 0; i < t.rows().size(); i++) {
			ResultTable.Row r = t.rows().get(i);
			if (i > 0) {
				out.append(',');
			}
			out.append('{');
			field("label", r.label()).append(',');
			field("round", r.round()).append(',');
			key("ms").append('[');
			for (int c = 0; c < r.cellsMs().size(); c++) {
				if (c > 0) {
					out.append(',');
				}
				Double ms = r.cellsMs().get(c);
				// JSON has no NaN or infinity: a cell that is not a number is no measurement
				out.append(ms == null || !Double.isFinite(ms) ? "null" : String.format(java.util.Locale.ROOT, "%.3f", ms));
			}
			out.append("]}");
		}
		out.append("]}");
	}

	private void step(StepResult s) {
		out.append('{');
		field("line", s.line()).append(',');
		field("text", s.text()).append(',');
		field("process", s.process()).append(',');
		field("ret", s.ret()).append(',');
		field("errno", s.errno()).append(',');
		field("time_ns", s.timeNs()).append(',');
		counters("time_spent_ns", s.timeSpentNs()).append(',');
		field("note", s.note()).append(',');
		counters("status", s.status()).append(',');
		counters("meminfo", s.meminfo());
		out.append('}');
	}

	private StringBuilder counters(String name, Map<String, Long> values) {
		key(name).append('{');
		int n = 0;
		for (Map.Entry<String, Long> e : values.entrySet()) {
			if (n++ > 0) {
				out.append(',');
			}
			field(e.getKey(), e.getValue());
		}
		return out.append('}');
	}

	private StringBuilder key(String k) {
		string(k);
		return out.append(':');
	}

	private StringBuilder field(String k, Object value) {
		key(k);
		if (value == null) {
			out.append("null");
		} else if (value instanceof Double d && !Double.isFinite(d)) {
			out.append("null");
		} else if (value instanceof Number) {
			out.append(value);
		} else {
			string(value.toString());
		}
		return out;
	}

	private void string(String s) {
		string(out, s, false);
	}

	/**
	 * A JSON string literal, the one escaping of every JSON the reports write. {@code inScript}:
	 * it will stand inside an HTML {@code <script>}, so {@code <}, {@code >}, {@code &}, U+2028
	 * and U+2029 are escaped as well (no {@code </script>} or {@code <!--} can end the element).
	 */
	static void string(StringBuilder out, String s, boolean inScript) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (c < 0x20 || inScript && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')) {
					out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		out.append('"');
	}
}
