package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dmabufdio.dsl.results.FileDiagnostic;
import org.dmabufdio.dsl.results.HtmlReport;
import org.dmabufdio.dsl.results.Reports;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.StepResult;
import org.dmabufdio.dsl.results.Verdict;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * The HTML report's page as a reader gets it, without a browser: every run with its verdict,
 * message at file:line:col, hazards and steps; text from a file escaped wherever it lands; the
 * charts' data; kernels side by side; no network reference; and no input that stops it.
 * {@link HtmlReportBrowserTest} checks that the charts draw.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class HtmlReportTest {

	private static final String HOSTILE = "</script><script>alert(1)</script><!-- & \"' \u2028";

	@Inject
	private Injector injector;

	private List<ScenarioResult> run(String text) {
		Scenarios s = new Scenarios(injector);
		return s.run(s.parse("h.dmabuf", text));
	}

	/** The runs of the page: verdict class, index and body of each article, in order. */
	private static List<String[]> articles(String html) {
		Matcher m = Pattern.compile("<article class=\"run (\\w+)\" id=\"run-(\\d+)\">(.*?)</article>", Pattern.DOTALL).matcher(html);
		List<String[]> out = new ArrayList<>();
		while (m.find()) {
			out.add(new String[] { m.group(1), m.group(2), m.group(3) });
		}
		return out;
	}

	/** The JSON the charts are drawn from, parsed (so it must be JSON). */
	static JsonObject data(String html) {
		String open = "<script type=\"application/json\" id=\"dmabufdio-data\">";
		int from = html.indexOf(open) + open.length();
		String json = html.substring(from, html.indexOf("</script>", from));
		assertFalse(json.contains("<"), "no markup can start inside the data: " + json);
		return JsonParser.parseString(json).getAsJsonObject();
	}

	/** The bars' values, per series, null where a cell has none. */
	private static List<List<Double>> numbers(JsonArray series) {
		List<List<Double>> out = new ArrayList<>();
		series.forEach(s -> {
			List<Double> values = new ArrayList<>();
			s.getAsJsonArray().forEach(v -> values.add(v.isJsonNull() ? null : v.getAsDouble()));
			out.add(values);
		});
		return out;
	}

	private static int count(String html, String what) {
		return html.split(Pattern.quote(what), -1).length - 1;
	}

	@Test
	void everyRunWithItsVerdictMessageHazardsAndSteps() {
		List<ScenarioResult> results = run("""
				scenario "passes" [seed, timing] {
				    device qemu_virtio
				    mmap anon 4K as buf
				    write to buf
				}
				scenario "fails" {
				    device qemu_virtio
				    kernel baseline
				    file model.bin size 1M
				    alloc 1M from system heap; mmap; read O_DIRECT model.bin
				}
				scenario "skipped" {
				    skip "needs a phone"
				    mmap anon 4K
				}
				scenario "expected to fail" {
				    xfail "known: <baseline> & \\"friends\\""
				    device qemu_virtio
				    kernel baseline
				    file model.bin size 1M
				    alloc 1M from system heap; mmap; read O_DIRECT model.bin
				}
				""");
		RunResult run = new RunResult(results, List.of(), List.of(new FileDiagnostic("bad.dmabuf", 2, 5, "error", "unknown file 'x'", null)));
		String html = Reports.render("html", run);
		assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 100));
		assertTrue(html.endsWith("</html>\n"));
		assertTrue(html.contains("<span class=\"badge pass\">1 pass</span> <span class=\"badge fail\">1 fail</span> <span class=\"badge xfail\">1 xfail</span> "
				+ "<span class=\"badge skip\">1 skip</span> <span class=\"badge error\">0 error</span>"),
				"the summary counts verdicts: " + html.substring(html.indexOf("<p class=\"counts\">"), html.indexOf("</p>", html.indexOf("<p class=\"counts\">"))));
		assertTrue(html.contains("<code>bad.dmabuf:2:5</code> error: unknown file &#39;x&#39;"), "the file that did not run, at file:line:col");
		assertTrue(html.indexOf("<h2>bad.dmabuf</h2>") < html.indexOf("<h2>h.dmabuf</h2>"), "files that did not run come first");

		List<String[]> runs = articles(html);
		assertEquals(List.of("pass", "fail", "skip", "xfail"), runs.stream().map(a -> a[0]).toList());
		assertEquals(List.of("0", "1", "2", "3"), runs.stream().map(a -> a[1]).toList());
		for (int i = 0; i < runs.size(); i++) {
			ScenarioResult r = results.get(i);
			String body = runs.get(i)[2];
			assertEquals(r.steps().size(), count(body, "<tr") - count(body, "<thead>"), "a row per step, under the heading: " + body);
			assertEquals(r.steps().isEmpty() ? 0 : 2, count(body, "data-kind=\"timeline\""), "two timelines where steps ran");
			assertEquals(r.hazards().size(), count(body, "<li>hazard: "));
		}
		String fail = runs.get(1)[2];
		assertTrue(fail.contains("<code>h.dmabuf:10:38</code> read O_DIRECT model.bin failed with EFAULT"), fail);
		assertTrue(fail.contains("<td class=\"code\">-1 EFAULT</td>"), "the step's errno: " + fail);
		assertTrue(fail.contains("<details open>"), "the steps of a failure are open");
		assertTrue(runs.get(0)[2].contains("<details>"), "those of a pass are folded");
		assertTrue(runs.get(0)[2].contains(" <span class=\"tag\">seed</span> <span class=\"tag\">timing</span></h3>"), "its tags: " + runs.get(0)[2]);
		assertTrue(runs.get(2)[2].contains("needs a phone"), "the skip's reason");
		assertTrue(runs.get(3)[2].contains("known: &lt;baseline&gt; &amp; &quot;friends&quot;"), runs.get(3)[2]);
		assertTrue(html.contains("<a href=\"#run-1\">h.dmabuf: fails</a>"), "the summary links what did not pass");

		JsonObject data = data(html);
		JsonArray timelines = data.getAsJsonArray("runs");
		assertEquals(4, timelines.size());
		JsonObject passes = timelines.get(0).getAsJsonObject();
		List<StepResult> steps = results.get(0).steps();
		assertEquals(steps.size(), passes.getAsJsonArray("steps").size());
		double ms = 0;
		for (int i = 0; i < steps.size(); i++) {
			StepResult step = steps.get(i);
			ms += step.timeNs() / 1e6;
			assertEquals("line " + step.line() + ": " + step.text(), passes.getAsJsonArray("steps").get(i).getAsString());
			assertEquals(ms, passes.getAsJsonArray("ms").get(i).getAsDouble(), 0.001, "simulated time adds up");
			for (String c : List.of("VmRSS", "RssFile", "RssShmem")) {
				assertEquals(String.valueOf(step.status().get(c)), passes.getAsJsonObject("counters").getAsJsonArray(c).get(i).toString(), c);
			}
			for (String c : List.of("Cached", "MemFree", "Mapped")) {
				assertEquals(String.valueOf(step.meminfo().get(c)), passes.getAsJsonObject("counters").getAsJsonArray(c).get(i).toString(), c);
			}
		}
		assertTrue(passes.getAsJsonObject("counters").getAsJsonArray("VmRSS").get(steps.size() - 1).getAsLong() > 0, "the page written is in RSS");
		assertTrue(timelines.get(2).isJsonNull() == results.get(2).steps().isEmpty());
	}

	@Test
	void textFromAFileIsEscapedInThePageAndInTheChartsData() {
		StepResult step = new StepResult(7, "read " + HOSTILE, null, "E<FAULT>", 1_000_000, Map.of(), "app<1>",
				Map.of("VmRSS", 4L), Map.of("MemFree", 1024L), HOSTILE);
		ScenarioResult s = new ScenarioResult("dir/<x>.dmabuf", HOSTILE, List.of(HOSTILE), Map.of("io", HOSTILE), 1, Verdict.FAIL, HOSTILE, 7, 3, 1_000_000,
				List.of(step), List.of(HOSTILE));
		ResultTable t = new ResultTable("dir/<x>.dmabuf", HOSTILE, HOSTILE, false, List.of(HOSTILE), List.of(new ResultTable.Row(HOSTILE, null, List.of(1.0))));
		String html = HtmlReport.render(new RunResult(List.of(s), List.of(t), List.of(new FileDiagnostic("dir/<x>.dmabuf", 1, 1, "error", HOSTILE, null))));
		assertFalse(html.contains("alert(1)</script>"), "no text of the file ends an element");
		assertFalse(html.contains("<script>alert"), "or starts one");
		assertEquals(3, count(html, "<script"), "the data, uPlot and the report's script, nothing else");
		assertEquals(3, count(html, "</script>"));
		assertFalse(html.contains("\u2028"), "line separators are escaped as the text report does");
		assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; &quot;&#39; \\u2028"), html);
		assertTrue(html.contains("<h2>dir/&lt;x&gt;.dmabuf</h2>"));
		JsonObject data = data(html);
		assertEquals("line 7: read " + HOSTILE, data.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("steps").get(0).getAsString(),
				"the data carries the text exactly");
		assertEquals(HOSTILE, data.getAsJsonArray("tables").get(0).getAsJsonObject().get("title").getAsString());
	}

	@Test
	void badInputNeverStopsTheReport() {
		List<Double> odd = Arrays.asList(Double.NaN, null, Double.POSITIVE_INFINITY, 2.5);
		ResultTable table = new ResultTable("t.dmabuf", "odd cells", "Rows", true, List.of("a", "b", "c", "d"),
				List.of(new ResultTable.Row("x", "01", odd), new ResultTable.Row("", "average", List.of(1.0))));
		ScenarioResult nulls = new ScenarioResult(null, null, null, null, 1, null, null, 0, 0, 0, null, null);
		ScenarioResult noSteps = new ScenarioResult("t.dmabuf", "empty", List.of(), Map.of(), 1, Verdict.PASS, null, 0, 0, 0, List.of(), List.of());
		StepResult bare = new StepResult(3, null, null, null, 0, null, null, null, null, null);
		ScenarioResult bareStep = new ScenarioResult("t.dmabuf", "bare", List.of(), Map.of(), 1, Verdict.PASS, null, 0, 0, 0, List.of(bare), List.of());
		for (RunResult run : new RunResult[] { null, new RunResult(List.of(), List.of()),
				new RunResult(List.of(), List.of(new FileDiagnostic("d.dmabuf", 1, 2, "error", "bad", null))),
				new RunResult(Arrays.asList(nulls, noSteps, bareStep, null), Arrays.asList(table, null, new ResultTable(null, null, null, false, null, null)),
						Arrays.asList((FileDiagnostic) null)) }) {
			String html = HtmlReport.render(run);
			assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
			data(html);
		}
		String html = HtmlReport.render(new RunResult(List.of(noSteps), List.of(table), List.of()));
		assertTrue(html.contains("<td>-</td><td>-</td><td>-</td><td>3</td>"), "cells with nothing measured say so: " + html);
		assertTrue(html.contains("<p class=\"none\">No steps ran.</p>"));
		JsonObject t = data(html).getAsJsonArray("tables").get(0).getAsJsonObject();
		assertEquals(Arrays.asList(List.of(1.0), Arrays.asList((Double) null), Arrays.asList((Double) null), Arrays.asList((Double) null)),
				numbers(t.getAsJsonArray("values")), "bars of the average; JSON has no NaN");
		assertEquals("[\"x\"]", t.getAsJsonArray("groups").toString(), "under the label of its rounds");
		assertEquals(0, count(HtmlReport.render(new RunResult(List.of(), List.of())), "class=\"chart"), "an empty run has no charts");
	}

	@Test
	void theTablesBarsAreTheAveragesOfEachBlockOfRounds() {
		List<ResultTable.Row> rows = new ArrayList<>();
		double[][] ms = { { 1411, 2121 }, { 1450, 2085 }, { 1471, 2121 }, { 1444, 2109 }, { 1558, 4656 }, { 1514, 5104 }, { 1547, 4765 },
				{ 1540, 4842 } };
		String[][] labels = { { "", "01" }, { "Clean", "02" }, { "", "03" }, { "", "average" }, { "", "01" }, { "Eat 4GB", "02" }, { "", "03" },
				{ "", "average" } };
		for (int i = 0; i < ms.length; i++) {
			rows.add(new ResultTable.Row(labels[i][0], labels[i][1], List.of(ms[i][0], ms[i][1])));
		}
		ResultTable t = new ResultTable("seed.dmabuf", "Read 3.21G", "Memstress", true, List.of("DIO-Time/ms", "BIO-Time/ms"), rows);
		String html = HtmlReport.render(new RunResult(List.of(), List.of(t), List.of()));
		JsonObject bars = data(html).getAsJsonArray("tables").get(0).getAsJsonObject();
		assertEquals("[\"Clean\",\"Eat 4GB\"]", bars.getAsJsonArray("groups").toString());
		assertEquals("[\"DIO-Time/ms\",\"BIO-Time/ms\"]", bars.getAsJsonArray("series").toString());
		assertEquals(List.of(List.of(1444.0, 1540.0), List.of(2109.0, 4842.0)), numbers(bars.getAsJsonArray("values")),
				"per column, its averages");
		assertEquals(1, count(html, "data-kind=\"bars\" data-table=\"0\""));
		assertTrue(html.contains("<tr class=\"average\"><th></th><td>average</td><td>1444</td><td>2109</td></tr>"), "the table as the file asked for it");
	}

	@Test
	void theSameScenarioOnEachKernelSideBySide() {
		List<ScenarioResult> results = run("""
				scenario "m" {
				    for size in [1M, 2M]
				    for k in [baseline, dmabuf_dio_mmap, dmabuf_dio]
				    device qemu_virtio
				    kernel $k
				    file model.bin size $size
				    alloc $size from system heap; mmap; read O_DIRECT model.bin
				}
				scenario "no kernels" {
				    for io in [O_DIRECT, buffered]
				    device qemu_virtio
				    file model.bin size 1M
				    mmap anon 1M as buf
				    read $io model.bin into buf
				}
				""");
		assertEquals(8, results.size());
		String html = HtmlReport.render(new RunResult(results, List.of()));
		Matcher m = Pattern.compile("<div class=\"compare\">\\s*<h3>(.*?)</h3>(.*?)\\n</div>\\n</div>", Pattern.DOTALL).matcher(html);
		Map<String, String> rows = new LinkedHashMap<>();
		while (m.find()) {
			rows.put(m.group(1), m.group(2));
		}
		assertEquals(List.of("m {size=1M}, across kernels", "m {size=2M}, across kernels"), List.copyOf(rows.keySet()),
				"one row per scenario and other params; none for a matrix without kernels");
		String row = rows.get("m {size=2M}, across kernels");
		assertTrue(row.contains("repeat(3, minmax(0, 1fr))"), "one column per kernel");
		assertEquals(List.of("baseline", "dmabuf_dio_mmap", "dmabuf_dio"), Pattern.compile("<b>(\\w+)</b>").matcher(row).results().map(r -> r.group(1)).toList());
		List<ScenarioResult> charted = Pattern.compile("data-run=\"(\\d+)\" data-x=\"step\"").matcher(row).results()
				.map(r -> results.get(Integer.parseInt(r.group(1)))).toList();
		assertEquals(List.of("baseline", "dmabuf_dio_mmap", "dmabuf_dio"), charted.stream().map(r -> r.params().get("k")).toList(),
				"each kernel's timeline");
		assertTrue(charted.stream().allMatch(r -> r.params().get("size").equals("2M")), "of the row's params");
		assertEquals(1, Pattern.compile("data-scale=\"([\\w-]+)\"").matcher(row).results().map(r -> r.group(1)).distinct().count(),
				"on one scale");
		assertTrue(row.contains("<span class=\"badge fail\">fail</span> <b>baseline</b>"), "baseline refuses O_DIRECT into the pfn map: " + row);
	}

	@Test
	void thePageMakesNoNetworkRequest() {
		String html = HtmlReport.render(new RunResult(run("scenario \"s\" {\n    device qemu_virtio\n    mmap anon 4K\n}\n"), List.of()));
		for (String reference : List.of("<link", " src=", "url(", "@import", "<iframe", "<img")) {
			assertFalse(html.contains(reference), reference);
		}
		// the one address in the page is the banner of uPlot's script, in a comment
		Matcher m = Pattern.compile("https?:").matcher(html);
		while (m.find()) {
			assertTrue(html.startsWith("https://github.com/leeoniya/uPlot (v", m.start()) && html.startsWith("/*! ", m.start() - 4),
					html.substring(Math.max(0, m.start() - 40), Math.min(html.length(), m.end() + 40)));
		}
		assertTrue(html.contains("var uPlot="), "uPlot is inlined");
		assertTrue(html.contains(".uplot {"), "and its style sheet");
		assertTrue(html.contains("Copyright (c) 2022 Leon Sorokin"), "with its licence");
	}
}
