package org.dmabufdio.dsl.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dmabufdio.dsl.util.Quotes;

/**
 * The human-readable report of a run: per scenario instance its verdict, params, round and
 * measured time; per step its line, text, return value or errno, time and RSS change; then a
 * summary line.
 */
public final class TextReport {

	private TextReport() {
	}

	/**
	 * The whole run: {@link #header}, each scenario run as {@link #render(ScenarioResult)}, then
	 * {@link #footer}. The command line prints the same three parts as the run goes.
	 */
	public static String render(RunResult run) {
		StringBuilder out = new StringBuilder(header(run.diagnostics()));
		for (ScenarioResult s : run.scenarios()) {
			scenario(out, s);
		}
		return out.append(footer(run, true)).toString();
	}

	/** What comes before the first scenario: the diagnostics of the files, one per line. */
	public static String header(List<FileDiagnostic> diagnostics) {
		StringBuilder out = new StringBuilder();
		for (FileDiagnostic d : diagnostics) {
			out.append(d).append('\n');
		}
		return out.toString();
	}

	/** What comes after the last scenario: the tables (if {@code withTables}), then the summary line. */
	public static String footer(RunResult run, boolean withTables) {
		StringBuilder out = new StringBuilder();
		if (withTables) {
			for (ResultTable t : run.tables()) {
				table(out, t);
			}
		}
		return out.append(summary(run)).append('\n').toString();
	}

	/** One scenario run as {@link #render(RunResult)} prints it: verdict, steps, hazards. */
	public static String render(ScenarioResult s) {
		StringBuilder out = new StringBuilder();
		scenario(out, s);
		return out.toString();
	}

	/** Tables as {@link #render(RunResult)} prints them. */
	public static String renderTables(List<ResultTable> tables) {
		StringBuilder out = new StringBuilder();
		for (ResultTable t : tables) {
			table(out, t);
		}
		return out.toString();
	}

	/** A run's name as the report prints it: the scenario, its params, its round. */
	public static String title(ScenarioResult s) {
		StringBuilder out = new StringBuilder(s.name());
		if (!s.params().isEmpty()) {
			out.append(' ').append(s.params());
		}
		if (s.round() > 1 || !s.params().isEmpty()) {
			out.append(" round ").append(s.round());
		}
		return Quotes.escapeControls(out.toString());
	}

	private static void scenario(StringBuilder out, ScenarioResult s) {
		out.append(String.format(Locale.ROOT, "%-5s %s: %s", s.status().word().toUpperCase(Locale.ROOT), Quotes.escapeControls(s.file()), title(s)));
		out.append(String.format(Locale.ROOT, "  [%s]%n", ms(s.timeNs())));
		Map<String, Long> lastRss = new HashMap<>();
		for (StepResult step : s.steps()) {
			String result = step.errno() != null ? "-1 " + step.errno()
					: step.ret() != null ? "= " + step.ret() : "";
			if (step.note() != null) {
				result += " (" + step.note() + ")";
			}
			Long rss = step.status().get("VmRSS");
			String rssChange = "";
			if (rss != null && step.process() != null) {
				long before = lastRss.getOrDefault(step.process(), rss);
				if (rss != before) {
					rssChange = String.format(Locale.ROOT, "VmRSS %+d kB", rss - before);
				}
				lastRss.put(step.process(), rss);
			}
			out.append(String.format(Locale.ROOT, "  %4d  %-44s %-28s %12s  %s%n", step.line(), clip(Quotes.escapeControls(step.text()), 44), result,
					ms(step.timeNs()), rssChange).stripTrailing()).append('\n');
			String spent = spent(step.timeSpentNs());
			if (step.timeNs() >= SPENT_SHOWN_FROM_NS && !spent.isEmpty()) {
				out.append("        spent: ").append(spent).append('\n');
			}
		}
		List<String> why = s.why();
		for (String line : s.message() != null ? why : why.subList(1, why.size())) {
			out.append("  ").append(line).append('\n');
		}
	}

	/** A table as the seed's cover letter prints its own: heading row, then rows of whole ms. */
	static void table(StringBuilder out, ResultTable t) {
		List<List<String>> lines = new ArrayList<>();
		List<String> head = new ArrayList<>();
		head.add(t.rowHeading());
		if (t.byRound()) {
			head.add("Rounds");
		}
		head.addAll(t.columns());
		lines.add(head);
		for (ResultTable.Row r : t.rows()) {
			List<String> line = new ArrayList<>();
			line.add(r.label());
			if (t.byRound()) {
				line.add(r.round());
			}
			for (Double ms : r.cellsMs()) {
				line.add(ms == null ? "-" : String.format(Locale.ROOT, "%.0f", ms));
			}
			lines.add(line);
		}
		int[] width = new int[head.size()];
		for (List<String> line : lines) {
			for (int i = 0; i < line.size(); i++) {
				width[i] = Math.max(width[i], line.get(i).length());
			}
		}
		out.append('\n').append(t.title()).append('\n');
		for (List<String> line : lines) {
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < line.size(); i++) {
				String cell = line.get(i);
				boolean left = i == 0 || (t.byRound() && i == 1);
				sb.append(left ? pad(cell, width[i]) : padLeft(cell, width[i])).append("  ");
			}
			out.append(sb.toString().stripTrailing()).append('\n');
		}
		out.append('\n');
	}

	private static String pad(String s, int n) {
		return s + " ".repeat(Math.max(0, n - s.length()));
	}

	private static String padLeft(String s, int n) {
		return " ".repeat(Math.max(0, n - s.length())) + s;
	}

	/** Steps that take this long say where their time went. */
	static final long SPENT_SHOWN_FROM_NS = 10_000_000;

	/** The kinds of work a step spent its time on, largest first, in ms. */
	/** The costs of at least half a ms, largest first, as "memcpy 1468, ... (ms)"; "" if none (a sleep). */
	static String spent(Map<String, Long> ns) {
		String parts = ns.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.filter(e -> e.getValue() >= 500_000)
				.map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.0f", e.getValue() / 1e6))
				.collect(java.util.stream.Collectors.joining(", "));
		return parts.isEmpty() ? "" : parts + " (ms)";
	}

	private static String clip(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 3) + "...";
	}

	static String ms(long ns) {
		return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
	}

	private static String plural(long n, String word) {
		return n + " " + word + (n == 1 ? "" : "s");
	}

	public static String summary(RunResult run) {
		Map<Verdict, Integer> counts = new java.util.EnumMap<>(Verdict.class);
		for (ScenarioResult s : run.scenarios()) {
			counts.merge(s.status(), 1, Integer::sum);
		}
		StringBuilder sb = new StringBuilder();
		sb.append(run.scenarios().size()).append(" scenario runs:");
		for (Verdict v : Verdict.values()) {
			sb.append(' ').append(counts.getOrDefault(v, 0)).append(' ').append(v.word());
		}
		List<FileDiagnostic> errors = run.diagnostics().stream().filter(d -> "error".equals(d.severity())).toList();
		if (!errors.isEmpty()) {
			long files = errors.stream().map(FileDiagnostic::file).distinct().count();
			sb.append("; ").append(plural(errors.size(), "error")).append(" in ").append(plural(files, "file"))
					.append(" that did not run");
		}
		return sb.toString();
	}
}
