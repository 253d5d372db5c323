package org.dmabufdio.dsl.results

import java.nio.charset.StandardCharsets
import java.util.ArrayList
import java.util.IdentityHashMap
import java.util.LinkedHashMap
import java.util.LinkedHashSet
import java.util.List
import java.util.Locale
import java.util.Map
import java.util.TreeMap
import java.util.concurrent.ConcurrentHashMap
import org.dmabufdio.runtime.kernel.KernelVariant

import static org.dmabufdio.dsl.results.HtmlEscapes.*

/**
 * The HTML report of a run: one file that opens offline, for people rather than CI servers.
 * The page is server-side HTML (verdicts, messages at file:line:col, hazards, step tables and
 * the file's tables), so it reads without script; the charts are drawn in the browser by uPlot
 * from JSON the page carries. uPlot, its style sheet and the report's own script and style are
 * inlined from this bundle's class path (the build vendors uPlot from its WebJar), so the file
 * makes no network request.
 */
final class HtmlReport {

	/** The timeline's counters: the process's (from /proc/PID/status), then the system's (meminfo). */
	public static val List<String> STATUS_COUNTERS = #["VmRSS", "RssFile", "RssShmem"]
	public static val List<String> MEMINFO_COUNTERS = #["Cached", "MemFree", "Mapped"]

	static val Map<String, String> ASSETS = new ConcurrentHashMap

	val RunResult run
	/** By identity: two runs can be equal records (same scenario, same outcome) yet be two rows. */
	val Map<ScenarioResult, Integer> index = new IdentityHashMap
	val Map<ResultTable, Integer> tableIndex = new IdentityHashMap

	def static String render(RunResult run) {
		new HtmlReport(run).page.toString
	}

	private new(RunResult run) {
		this.run = sane(run)
		this.run.scenarios().forEach[s, i|index.put(s, i)]
		this.run.tables().forEach[t, i|tableIndex.put(t, i)]
	}

	def private page() '''
		<!DOCTYPE html>
		<html lang="en">
		<head>
		<meta charset="utf-8">
		<meta name="viewport" content="width=device-width, initial-scale=1">
		<meta name="generator" content="dmabufdio">
		<title>dmabufdio: «html(TextReport.summary(run))»</title>
		<style>
		«asset("uplot/uPlot.min.css")»
		«asset("html/report.css")»
		</style>
		</head>
		<body>
		<header>
		<h1>dmabufdio report</h1>
		«summary»
		</header>
		<main>
		«FOR f : files»
		«file(f)»
		«ENDFOR»
		</main>
		<footer>Simulated times and counters (kB, the kernel's own names). Charts drawn by «uplotName» (MIT licence, Leon Sorokin), inlined in this file: it needs no network.</footer>
		<script type="application/json" id="dmabufdio-data">«data»</script>
		<!--
		«asset("uplot/LICENSE").replace("--", "- -")»
		-->
		<script>
		«asset("uplot/uPlot.iife.min.js")»
		</script>
		<script>
		«asset("html/report.js")»
		</script>
		</body>
		</html>
	'''

	def private summary() '''
		<p class="counts">«FOR v : Verdict.values»<span class="badge «v.word»">«count(v)» «v.word»</span> «ENDFOR»</p>
		<p>«html(TextReport.summary(run))»«IF !run.scenarios().empty»; «millis(run.scenarios().fold(0L)[t, s|t + s.timeNs()] / 1e6)» ms simulated«ENDIF».</p>
		«IF run.scenarios().exists[!passed()]»
		<p class="failed">Did not pass: «FOR s : run.scenarios().filter[!passed()] SEPARATOR ', '»<a href="#run-«index.get(s)»">«html(s.file())»: «html(TextReport.title(s))»</a>«ENDFOR»</p>
		«ENDIF»
	'''

	def private file(String f) '''
		<section class="file">
		<h2>«html(f)»</h2>
		«IF run.diagnostics().exists[file() == f]»
		<ul class="diagnostics">
		«FOR d : run.diagnostics().filter[file() == f]»
		<li class="«html(d.severity())»"><code>«html(d.file())»:«d.line()»:«d.column()»</code> «html(d.severity())»: «html(d.message())»</li>
		«ENDFOR»
		</ul>
		«ENDIF»
		«FOR t : run.tables().filter[file() == f]»
		«table(t)»
		«ENDFOR»
		«FOR group : acrossKernels(f)»
		«compare(group)»
		«ENDFOR»
		«FOR s : run.scenarios().filter[file() == f]»
		«scenario(s)»
		«ENDFOR»
		</section>
	'''

	/** A table as the file asked for it, under its bars: rows are groups, columns are series. */
	def private table(ResultTable t) '''
		<div class="result-table">
		<h3>«html(t.title())»</h3>
		«IF bars(t).value.exists[exists[it !== null && Double.isFinite(it)]]»
		<div class="chart bars" data-kind="bars" data-table="«tableIndex.get(t)»"></div>
		«ELSE»
		<p class="none">Nothing was measured for this table.</p>
		«ENDIF»
		<table class="result">
		<thead><tr><th>«html(t.rowHeading())»</th>«IF t.byRound()»<th>Rounds</th>«ENDIF»«FOR c : t.columns()»<th>«html(c)»</th>«ENDFOR»</tr></thead>
		<tbody>
		«FOR r : t.rows()»
		<tr«IF "average" == r.round()» class="average"«ENDIF»><th>«html(r.label())»</th>«IF t.byRound()»<td>«html(r.round())»</td>«ENDIF»«FOR c : r.cellsMs()»<td>«HtmlEscapes.ms(c)»</td>«ENDFOR»</tr>
		«ENDFOR»
		</tbody>
		</table>
		</div>
	'''

	/** One row of the same scenario on each kernel, their timelines on one scale. */
	def private compare(List<ScenarioResult> group) {
		compare(group, group.head, kernelParam(group.head))
	}

	def private compare(List<ScenarioResult> group, ScenarioResult first, String kernel) '''
		<div class="compare">
		<h3>«html(first.name())»«FOR e : first.params().entrySet.filter[it.key != kernel] BEFORE ' {' SEPARATOR ', ' AFTER '}'»«html(e.key)»=«html(e.value)»«ENDFOR»«IF first.round() > 1» round «first.round()»«ENDIF», across kernels</h3>
		<div class="kernels" style="grid-template-columns: repeat(«group.size», minmax(0, 1fr))">
		«FOR s : group»
		<div class="kernel">
		<p><span class="badge «s.status().word»">«s.status().word»</span> <b>«html(s.params().get(kernel))»</b> «millis(s.timeNs() / 1e6)» ms · <a href="#run-«index.get(s)»">steps</a></p>
		«IF !s.steps().empty»
		<div class="chart" data-kind="timeline" data-run="«index.get(s)»" data-x="step" data-scale="compare-«index.get(first)»"></div>
		«ENDIF»
		</div>
		«ENDFOR»
		</div>
		</div>
	'''

	def private scenario(ScenarioResult s) '''
		<article class="run «s.status().word»" id="run-«index.get(s)»">
		<h3><span class="badge «s.status().word»">«s.status().word»</span> «html(TextReport.title(s))» <span class="time">«millis(s.timeNs() / 1e6)» ms</span>«FOR t : s.tags()» <span class="tag">«html(t)»</span>«ENDFOR»</h3>
		«IF s.message() !== null»
		<p class="message"><code>«html(s.file())»:«s.line()»:«s.column()»</code> «html(s.message())»</p>
		«ENDIF»
		«IF !s.hazards().empty»
		<ul class="hazards">
		«FOR h : s.hazards()»
		<li>hazard: «html(h)»</li>
		«ENDFOR»
		</ul>
		«ENDIF»
		«IF s.steps().empty»
		<p class="none">No steps ran.</p>
		«ELSE»
		<div class="timelines">
		<div class="chart" data-kind="timeline" data-run="«index.get(s)»" data-x="step"></div>
		<div class="chart" data-kind="timeline" data-run="«index.get(s)»" data-x="time"></div>
		</div>
		<details«IF s.status() != Verdict.PASS» open«ENDIF»>
		<summary>«s.steps().size» steps</summary>
		<table class="steps">
		<thead><tr><th>line</th><th>step</th><th>process</th><th>result</th><th>ms</th>«FOR c : STATUS_COUNTERS + MEMINFO_COUNTERS»<th>«c» kB</th>«ENDFOR»</tr></thead>
		<tbody>
		«FOR step : s.steps()»
		<tr«IF step.errno() !== null» class="errno"«ENDIF»><td>«step.line()»</td><td class="code">«html(step.text())»</td><td>«html(step.process())»</td><td class="code">«html(result(step))»</td><td>«millis(step.timeNs() / 1e6)»</td>«FOR c : STATUS_COUNTERS»<td>«kb(step.status().get(c))»</td>«ENDFOR»«FOR c : MEMINFO_COUNTERS»<td>«kb(step.meminfo().get(c))»</td>«ENDFOR»</tr>
		«ENDFOR»
		</tbody>
		</table>
		</details>
		«ENDIF»
		</article>
	'''

	/** The charts' data: per run its timeline (null without steps), per table its bars. */
	def private data() {
		val out = new StringBuilder
		out.append('{"runs":[')
		for (s : run.scenarios()) {
			if (index.get(s) > 0) out.append(',')
			if (s.steps().empty) out.append('null') else timeline(out, s)
		}
		out.append('],"tables":[')
		for (t : run.tables()) {
			if (tableIndex.get(t) > 0) out.append(',')
			val bars = bars(t)
			out.append('{"title":')
			jsonString(out, t.title())
			out.append(',"series":')
			jsonStrings(out, t.columns())
			out.append(',"groups":')
			jsonStrings(out, bars.key)
			out.append(',"values":[')
			for (c : 0 ..< t.columns().size) {
				if (c > 0) out.append(',')
				jsonNumbers(out, bars.value.map[if (size > c) get(c) else null])
			}
			out.append(']}')
		}
		out.append(']}')
	}

	def private timeline(StringBuilder out, ScenarioResult s) {
		out.append('{"steps":')
		jsonStrings(out, s.steps().map['line ' + line() + ': ' + text()])
		out.append(',"ms":')
		var ns = 0L
		val cumulative = new ArrayList<Double>
		for (step : s.steps()) {
			ns += step.timeNs()
			cumulative += ns / 1e6
		}
		jsonNumbers(out, cumulative)
		out.append(',"counters":{')
		(STATUS_COUNTERS + MEMINFO_COUNTERS).forEach [ c, i |
			if (i > 0) out.append(',')
			jsonString(out, c)
			out.append(':')
			jsonNumbers(out, s.steps().map[(if (STATUS_COUNTERS.contains(c)) status() else meminfo()).get(c)])
		]
		out.append('}}')
	}

	/**
	 * The groups of a table's bars and their cells: with rounds, the averages, each under the
	 * label of its block of rounds (the table prints the label on the middle round only); without,
	 * every row.
	 */
	def private bars(ResultTable t) {
		val labels = new ArrayList<String>
		val cells = new ArrayList<List<Double>>
		val averaged = t.byRound() && t.rows().exists["average" == round()]
		var pending = ""
		for (r : t.rows()) {
			if (!averaged) {
				labels += r.label() + (if (t.byRound() && r.round() !== null) ' ' + r.round() else '')
				cells += r.cellsMs()
			} else if ("average" == r.round()) {
				labels += if (r.label().empty) pending else r.label()
				cells += r.cellsMs()
				pending = ""
			} else if (!r.label().empty) {
				pending = r.label()
			}
		}
		labels -> cells
	}

	/**
	 * Runs of a file that differ only in the kernel they ran on, grouped: one group per scenario,
	 * other params and round, kept where there are at least two kernels to set side by side.
	 */
	def private List<List<ScenarioResult>> acrossKernels(String f) {
		val groups = new LinkedHashMap<String, List<ScenarioResult>>
		for (s : run.scenarios().filter[file() == f]) {
			val key = kernelParam(s)
			if (key !== null) {
				val others = new TreeMap<String, String>(s.params())
				others.remove(key)
				groups.computeIfAbsent(s.name() + '\u0000' + others + '\u0000' + s.round())[new ArrayList].add(s)
			}
		}
		groups.values.filter[g|val k = kernelParam(g.head); g.map[params().get(k)].toSet.size > 1].toList
	}

	/**
	 * The matrix parameter that picks the kernel of a scenario's runs: one named kernel, or else
	 * one whose every value, over all the runs of that scenario, names a known kernel variant.
	 */
	def private String kernelParam(ScenarioResult s) {
		if (s.params().containsKey("kernel")) return "kernel"
		val runs = run.scenarios().filter[file() == s.file() && name() == s.name()].toList
		s.params().keySet.findFirst[k|runs.forall[KernelVariant.known().containsKey(params().get(k))]]
	}

	/** Files in the order a reader wants them: those that did not run first, as the text report. */
	def private files() {
		val files = new LinkedHashSet<String>
		run.diagnostics().forEach[files += file()]
		run.scenarios().forEach[files += file()]
		run.tables().forEach[files += file()]
		files
	}

	def private count(Verdict v) {
		run.scenarios().filter[status() == v].size
	}

	def private static result(StepResult step) {
		val value = if (step.errno() !== null) '-1 ' + step.errno() else if (step.ret() !== null) '= ' + step.ret() else ''
		if (step.note() !== null) value + ' (' + step.note() + ')' else value
	}

	def private static millis(double ms) {
		String.format(Locale.ROOT, "%.3f", ms)
	}

	def private static uplotName() {
		val m = java.util.regex.Pattern.compile("\\(v([0-9][0-9.]*)\\)").matcher(asset("uplot/uPlot.iife.min.js"))
		if (m.find) 'uPlot ' + m.group(1) else 'uPlot'
	}

	/**
	 * A file the report inlines, read once; an inlined script cannot end its own element early.
	 * Missing means the bundle was built without Maven's vendoring step: a build problem, said so.
	 */
	def private static String asset(String name) {
		ASSETS.computeIfAbsent(name) [
			val stream = HtmlReport.getResourceAsStream(name)
			if (stream === null) {
				throw new IllegalStateException("org/dmabufdio/dsl/results/" + name + " is not on the class path: build org.dmabufdio.dsl with Maven, which vendors uPlot")
			}
			try {
				new String(stream.readAllBytes, StandardCharsets.UTF_8).replaceAll("(?i)</(script|style)", "<\\\\/$1")
			} finally {
				stream.close
			}
		]
	}

	/**
	 * The run with nothing null in it, so that no input, however odd, stops the report: absent
	 * lists and maps are empty, an absent name or file is empty, an absent verdict is an error.
	 */
	def private static RunResult sane(RunResult run) {
		if (run === null) return new RunResult(#[], #[], #[])
		new RunResult((run.scenarios() ?: #[]).filterNull.map[sane(it)].toList, (run.tables() ?: #[]).filterNull.map [
			new ResultTable(file() ?: '', title() ?: '', rowHeading() ?: '', byRound(), (columns() ?: #[]).map[it ?: ''].toList,
				(rows() ?: #[]).filterNull.map[new ResultTable.Row(label() ?: '', round(), cellsMs() ?: #[])].toList)
		].toList, (run.diagnostics() ?: #[]).filterNull.map [
			new FileDiagnostic(file() ?: '', line(), column(), severity() ?: 'error', message() ?: '', code())
		].toList)
	}

	def private static ScenarioResult sane(ScenarioResult s) {
		new ScenarioResult(s.file() ?: '', s.name() ?: '', (s.tags() ?: #[]).filterNull.toList, (s.params() ?: emptyMap).filter[k, v|k !== null && v !== null],
			s.round(), s.status() ?: Verdict.ERROR, s.message(), s.line(), s.column(), s.timeNs(),
			(s.steps() ?: #[]).filterNull.map [
				new StepResult(line(), text() ?: '', ret(), errno(), timeNs(), timeSpentNs() ?: emptyMap, process(), (status() ?: emptyMap).filter[k, v|k !== null],
					(meminfo() ?: emptyMap).filter[k, v|k !== null], note())
			].toList, (s.hazards() ?: #[]).filterNull.toList)
	}
}
