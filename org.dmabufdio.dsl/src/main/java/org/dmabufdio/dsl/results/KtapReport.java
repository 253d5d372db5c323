package org.dmabufdio.dsl.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.util.Quotes;

/**
 * A run as KTAP version 1, as kselftest prints it: one subtest block per file (indented four
 * spaces, with its own version line and plan), a result line per scenario instance, then the
 * file's own result. Failures are followed by their {@code file:line:col: message} and hazards
 * as diagnostic lines; skipped and expected failures are {@code ok} with {@code # SKIP} or
 * {@code # XFAIL} and the reason, broken scenarios {@code not ok ... # error}, as
 * ksft_test_result_skip(), _xfail() and _error() mark them. A file that does not parse or
 * validate is {@code not ok} with its diagnostics. A scenario's tags are a diagnostic line
 * ({@code # tags: seed, timing}) before its first instance.
 */
public final class KtapReport {

	private final StringBuilder out = new StringBuilder();

	private KtapReport() {
	}

	public static String render(RunResult run) {
		Map<String, List<ScenarioResult>> byFile = new LinkedHashMap<>();
		Map<String, List<FileDiagnostic>> problems = new LinkedHashMap<>();
		for (FileDiagnostic d : run.diagnostics()) {
			if ("error".equals(d.severity())) {
				problems.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d);
				byFile.putIfAbsent(d.file(), new ArrayList<>());
			}
		}
		for (ScenarioResult s : run.scenarios()) {
			byFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
		}
		KtapReport k = new KtapReport();
		k.out.append("KTAP version 1\n1..").append(byFile.size()).append('\n');
		int n = 0;
		int[] counts = new int[Verdict.values().length];
		for (Map.Entry<String, List<ScenarioResult>> file : byFile.entrySet()) {
			n++;
			List<FileDiagnostic> invalid = problems.get(file.getKey());
			if (invalid != null) {
				invalid.forEach(d -> k.out.append("# ").append(d).append('\n'));
				k.out.append("not ok ").append(n).append(' ').append(Quotes.escapeControls(file.getKey())).append(" # error the file does not parse or validate\n");
				continue;
			}
			boolean ok = k.file(file.getKey(), file.getValue(), counts);
			k.out.append(ok ? "ok " : "not ok ").append(n).append(' ').append(Quotes.escapeControls(file.getKey())).append('\n');
		}
		k.out.append(String.format(java.util.Locale.ROOT, "# totals: pass:%d fail:%d xfail:%d xpass:0 skip:%d error:%d\n", counts[Verdict.PASS.ordinal()],
				counts[Verdict.FAIL.ordinal()], counts[Verdict.XFAIL.ordinal()], counts[Verdict.SKIP.ordinal()],
				counts[Verdict.ERROR.ordinal()]));
		return k.out.toString();
	}

	/** A file's subtest block; true if every instance passed (or was skipped or xfail). */
	private boolean file(String file, List<ScenarioResult> results, int[] counts) {
		String in = "    ";
		out.append(in).append("KTAP version 1\n").append(in).append("# Subtest: ").append(Quotes.escapeControls(file)).append('\n');
		out.append(in).append("1..").append(results.size()).append('\n');
		boolean ok = true;
		ScenarioResult previous = null;
		for (int i = 0; i < results.size(); i++) {
			ScenarioResult s = results.get(i);
			if (!s.tags().isEmpty() && (previous == null || !previous.name().equals(s.name()) || !previous.tags().equals(s.tags()))) {
				out.append(in).append("# tags: ").append(Quotes.escapeControls(String.join(", ", s.tags()))).append('\n');
			}
			previous = s;
			counts[s.status().ordinal()]++;
			ok &= s.passed();
			String name = TextReport.title(s);
			switch (s.status()) {
			case PASS -> line(in, "ok", i + 1, name, null);
			case SKIP -> line(in, "ok", i + 1, name, "SKIP " + s.message());
			case XFAIL -> line(in, "ok", i + 1, name, "XFAIL " + s.message());
			case FAIL -> {
				where(in, s);
				line(in, "not ok", i + 1, name, null);
			}
			case ERROR -> {
				where(in, s);
				line(in, "not ok", i + 1, name, "error");
			}
			}
		}
		return ok;
	}

	/** Why it failed, as diagnostic lines before the result (kselftest prints its messages first). */
	private void where(String in, ScenarioResult s) {
		s.why().forEach(line -> out.append(in).append("# ").append(line).append('\n'));
	}

	private void line(String in, String result, int n, String name, String directive) {
		// '#' would start a directive inside a name: KTAP has no escape for it
		out.append(in).append(result).append(' ').append(n).append(' ').append(Quotes.escapeControls(name).replace('#', '_'));
		if (directive != null) {
			out.append(" # ").append(Quotes.escapeControls(directive));
		}
		out.append('\n');
	}
}
