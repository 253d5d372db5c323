package org.dmabufdio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users run it: exit codes, text and JSON output, diagnostics. */
class MainTest {

	@TempDir
	Path dir;

	private record Run(int exit, String out, String err) {
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path write(String name, String text) throws IOException {
		Path p = dir.resolve(name);
		Files.writeString(p, text);
		return p;
	}

	@Test
	void theCardRunsAndOneScenarioFails() {
		Run r = run("run", "../scenarios/card.dmabuf");
		assertEquals(1, r.exit(), r.out());
		assertTrue(r.out().contains("PASS  ../scenarios/card.dmabuf: card example, patches 1 and 2"), r.out());
		assertTrue(r.out().contains("FAIL  ../scenarios/card.dmabuf: card example, patch 1 alone"), r.out());
		assertTrue(r.out().contains("../scenarios/card.dmabuf:11:88: rss of app[2]: VmRSS grew by 3145728 kB"), r.out());
		assertTrue(r.out().contains("-1 EFAULT"), r.out());
		assertTrue(r.out().contains("3 scenario runs: 2 pass 1 fail"), r.out());
	}

	/** The README shows what the tool prints today: its card failure line and the seed's table. */
	@Test
	void theReadmesSamplesAreWhatTheToolPrints() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		String card = run("run", "../scenarios/card.dmabuf").out().replace("../scenarios/", "scenarios/");
		String failLine = readme.lines().filter(l -> l.startsWith("FAIL  scenarios/card.dmabuf")).findFirst().orElseThrow();
		assertTrue(card.contains(failLine + "\n"), failLine + "\nnot in\n" + card);
		String command = "./dmabufdio run scenarios/seed/cover-letter-table.dmabuf\n\n";
		int from = readme.indexOf(command) + command.length();
		String table = readme.substring(from, readme.indexOf("```", from));
		String out = run("run", "../scenarios/seed/cover-letter-table.dmabuf").out();
		assertTrue(out.contains(table), table + "\nnot in\n" + out);
	}

	@Test
	void allPassingExitsZero() throws IOException {
		Path f = write("ok.dmabuf", "scenario \"ok\" {\n    alloc 1M from system heap; mmap\n    assert ok\n}\n");
		assertEquals(0, run("run", f.toString()).exit());
	}

	@Test
	void aFileThatDoesNotValidateExits252WithFileLineColumn() throws IOException {
		Path bad = write("bad.dmabuf", "scenario \"bad\" {\n    alloc 3 from system heap\n}\n");
		Run r = run("run", bad.toString());
		assertEquals(252, r.exit());
		assertTrue(r.out().contains(bad + ":2:11: error: size '3' needs a unit"), r.out());
	}

	@Test
	void theSummaryCountsErrorsAndTheFilesThatDidNotRun() throws IOException {
		Path bad = write("two.dmabuf", "scenario \"bad\" {\n    alloc 3 from system heap\n    alloc 4 from system heap\n}\n");
		Path ok = write("fine.dmabuf", "scenario \"ok\" {\n    alloc 1M from system heap; mmap\n    assert ok\n}\n");
		Run r = run("run", bad.toString(), ok.toString());
		assertEquals(252, r.exit());
		assertTrue(r.out().contains("1 scenario runs: 1 pass 0 fail 0 xfail 0 skip 0 error; 2 errors in 1 file that did not run"),
				r.out());
	}

	@Test
	void aFileThatDoesNotParseExits252() throws IOException {
		Path bad = write("syntax.dmabuf", "scenario \"x\" {\n    alocate 3G\n}\n");
		Run r = run("run", bad.toString());
		assertEquals(252, r.exit());
		assertTrue(r.out().contains(bad + ":2:5: error:"), r.out());
	}

	@Test
	void failuresAreCountedAndCapped() throws IOException {
		StringBuilder many = new StringBuilder("scenario \"many\" {\n    rounds 260\n    alloc 1M from system heap; mmap\n    assert fails EINVAL\n}\n");
		Path f = write("many.dmabuf", many.toString());
		assertEquals(250, run("run", f.toString()).exit());
	}

	@Test
	void directoriesAreSearched() throws IOException {
		write("a.dmabuf", "scenario \"a\" {\n    alloc 1M from system heap\n    assert ok\n}\n");
		write("b.dmabuf", "scenario \"b\" {\n    alloc 1M from system heap\n    assert ok\n}\n");
		Run r = run("run", dir.toString());
		assertEquals(0, r.exit());
		assertTrue(r.out().contains("2 scenario runs: 2 pass"), r.out());
	}

	@Test
	void jsonHasTheDocumentedShape() {
		Run r = run("run", "--format", "json", "../scenarios/card.dmabuf");
		String json = r.out();
		assertTrue(json.startsWith("{\"scenarios\":[{\"file\":\"../scenarios/card.dmabuf\",\"name\":\"card example, patches 1 and 2\","
				+ "\"tags\":[],\"params\":{},\"round\":1,\"status\":\"pass\",\"message\":null,"), json);
		assertTrue(json.contains("\"status\":\"fail\",\"message\":\"rss of app[2]: VmRSS grew by 3145728 kB"), json);
		assertTrue(json.contains("\"errno\":\"EFAULT\""), json);
		assertTrue(json.contains("\"status\":{\"VmRSS\":"), json);
		assertTrue(json.contains("\"meminfo\":{\"MemTotal\":"), json);
		assertTrue(json.contains("\"Cached\":") && json.contains("\"Mapped\":") && json.contains("\"AnonPages\":"), json);
	}

	@Test
	void badCommandLines() throws IOException {
		assertEquals(253, run().exit());
		assertEquals(253, run("run").exit());
		assertEquals(253, run("run", "--format", "xml", "x").exit());
		assertEquals(253, run("run", "/no/such/file.dmabuf").exit());
		Path ok = write("ok.dmabuf", "scenario \"ok\" {\n    mmap anon 4K\n}\n");
		Run zero = run("run", "--max-instances", "0", ok.toString());
		assertEquals(253, zero.exit());
		assertTrue(zero.err().startsWith("--max-instances must be at least 1") && zero.err().contains("Usage: dmabufdio run"), zero.err());
		assertEquals(253, run("frobnicate").exit());
		Run r = run("run", "--fromat", "json", "x");
		assertEquals(253, r.exit());
		assertTrue(r.err().contains("Unknown option: '--fromat'"), r.err());
	}

	/** Help and version are answers, not errors: exit 0, on standard output, every option with an example. */
	@Test
	void helpAndVersionExitZero() {
		for (String[] args : new String[][] { { "--help" }, { "-h" }, { "run", "--help" }, { "format", "-h" }, { "lsp", "--help" } }) {
			Run r = run(args);
			assertEquals(0, r.exit(), String.join(" ", args));
			assertTrue(r.out().startsWith("Usage: dmabufdio"), r.out());
		}
		String runHelp = run("run", "--help").out();
		for (String option : List.of("--format", "--max-instances", "--help", "--version")) {
			assertTrue(runHelp.contains(option), option + " in\n" + runHelp);
		}
		assertTrue(runHelp.contains("Examples:") && runHelp.contains("./dmabufdio run --format json"), runHelp);
		assertTrue(run("--help").out().contains("bench [CASE...]"), "bench in the usage");
		Run v = run("--version");
		assertEquals(0, v.exit());
		assertTrue(v.out().startsWith("dmabufdio "), v.out());
	}

	/** One pass writes any number of reports; standard output gets its own format. */
	@Test
	void reportsInSeveralFormatsFromOneRun() throws IOException {
		Path f = write("ok.dmabuf", "scenario \"ok\" {\n    device qemu_virtio\n    mmap anon 4K\n}\n");
		Path xml = dir.resolve("reports/junit.xml");
		Path ktap = dir.resolve("run.ktap");
		Run r = run("run", "--format", "ktap", "--report", "junit:" + xml, "--report", "ktap:" + ktap, f.toString());
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().startsWith("KTAP version 1\n1..1\n"), r.out());
		assertEquals(r.out(), Files.readString(ktap));
		assertTrue(Files.readString(xml).contains("<testcase name=\"ok #1\""), Files.readString(xml));
		assertEquals(253, run("run", "--report", "xml:out.xml", f.toString()).exit());
	}

	private Path tagged() throws IOException {
		return write("tagged.dmabuf", """
				scenario "seed table" [seed, timing] {
				    for io in [O_DIRECT, buffered]
				    mmap anon 4K
				}
				scenario "seed counters" [seed] {
				    mmap anon 4K
				}
				scenario "slow sweep" [Timing, slow] {
				    rounds 2
				    mmap anon 4K
				}
				scenario "untagged" {
				    mmap anon 4K
				}
				""");
	}

	private static List<String> names(Run r) {
		return r.out().lines().filter(l -> l.startsWith("PASS") || l.startsWith("FAIL")).map(l -> l.substring(l.indexOf(": ") + 2, l.lastIndexOf("  ["))).toList();
	}

	/** Robot's --include/--exclude: any included tag takes a scenario, any excluded one leaves it out; globs ignore case. */
	@Test
	void tagsAndNamesSelectScenarios() throws IOException {
		String f = tagged().toString();
		assertEquals(List.of("seed table {io=O_DIRECT} round 1", "seed table {io=buffered} round 1", "seed counters"),
				names(run("run", "--tag", "seed", f)));
		assertEquals(List.of("seed counters"), names(run("run", "--tag", "seed", "--exclude-tag", "timing", f)));
		assertEquals(List.of("seed table {io=O_DIRECT} round 1", "seed table {io=buffered} round 1", "slow sweep",
				"slow sweep round 2"), names(run("run", "--tag", "TIM*", f)));
		assertEquals(List.of("seed counters", "untagged"), names(run("run", "--exclude-tag", "t?ming", f)));
		assertEquals(List.of("seed counters", "untagged"), names(run("run", "--name", "*COUNTERS", "--name", "untagged", f)));
		assertEquals(List.of(), names(run("run", "--name", "seed", f)), "a name pattern matches the whole title");
		Run none = run("run", "--tag", "nope", f);
		assertEquals(Main.EXIT_USAGE, none.exit());
		assertEquals("dmabufdio: no scenario matches --tag nope\n", none.err());
	}

	@Test
	void listShowsWhatWouldRunWithTagsAndRunsNothing() throws IOException {
		Path f = tagged();
		Run r = run("run", "--list", "--exclude-tag", "seed", f.toString());
		assertEquals(0, r.exit(), r.err());
		assertEquals(List.of(f + ":8: slow sweep #1  [Timing, slow]", f + ":8: slow sweep #2  [Timing, slow]",
				f + ":12: untagged #1", "3 instances of 2 scenarios would run"), r.out().lines().toList());
		Run json = run("run", "--format", "json", "--tag", "seed", f.toString());
		assertTrue(json.out().contains("\"name\":\"seed table\",\"tags\":[\"seed\",\"timing\"],\"params\":{\"io\":\"O_DIRECT\"}"), json.out());
	}

	/** Instances on several threads print, and report, exactly what one thread prints. */
	@Test
	void parallelRunsPrintWhatASerialRunPrints() {
		for (String format : List.of("text", "json")) {
			Run serial = run("run", "-j", "1", "--format", format, "../scenarios/");
			Run parallel = run("run", "-j", "3", "--format", format, "../scenarios/");
			assertEquals(serial.exit(), parallel.exit());
			assertEquals(serial.out(), parallel.out(), format);
			assertEquals(serial.err(), parallel.err(), format);
		}
	}

	/**
	 * A review found that a fragment from a file imported but not named could be linked lazily,
	 * by several threads at once; the loader now links every file first. The race did not show
	 * here without that fix (validation links most of it): this guards the case, it does not
	 * prove the race.
	 */
	@Test
	void parallelRunsOfAFragmentFromAnImportedFileAreTheSerialRun() throws IOException {
		Files.createDirectories(dir.resolve("common"));
		write("common/steps.dmabuf", "fragment poke(size n) {\n    mmap anon $n as m\n    touch m length $n\n}\n");
		StringBuilder user = new StringBuilder("import \"common/steps.dmabuf\"\n");
		for (int i = 0; i < 6; i++) {
			user.append("scenario \"s").append(i).append("\" {\n    for n in [4K, 64K, 1M]\n    device qemu_virtio\n    use poke($n)\n    assert ok\n}\n");
		}
		Path f = write("user.dmabuf", user.toString());
		Run serial = run("run", "-j", "1", "--format", "json", f.toString());
		assertEquals(0, serial.exit(), serial.out() + serial.err());
		for (int attempt = 0; attempt < 3; attempt++) {
			Run parallel = run("run", "-j", "4", "--format", "json", f.toString());
			assertEquals(serial.out(), parallel.out());
		}
	}

	/** A file with errors is reported as such (252) whatever the selection; a selection nothing matches is a usage error. */
	@Test
	void aSelectionNeverHidesAFileWithErrors() throws IOException {
		Path bad = write("bad.dmabuf", "scenario \"bad\" [seed] {\n    alloc 3 from system heap\n}\n");
		Run r = run("run", "--tag", "nothing-has-this", bad.toString());
		assertEquals(Main.EXIT_INVALID, r.exit(), r.out() + r.err());
		assertTrue(r.out().contains("bad.dmabuf:2:11: error: size '3' needs a unit"), r.out());
		assertEquals(Main.EXIT_INVALID, run("run", "--list", "--tag", "nothing", bad.toString()).exit());
		Path ok = write("ok.dmabuf", "scenario \"ok\" {\n    mmap anon 4K\n}\n");
		Run list = run("run", "--list", "--tag", "nothing", ok.toString());
		assertEquals(Main.EXIT_USAGE, list.exit());
		assertEquals("dmabufdio: no scenario matches --tag nothing\n", list.err());
	}

	@Test
	void aDirectoryWithoutScenarioFilesAndAReportThatCannotBeWrittenAreUsageErrors() throws IOException {
		Path empty = Files.createDirectories(dir.resolve("empty"));
		Run none = run("run", empty.toString());
		assertEquals(Main.EXIT_USAGE, none.exit());
		assertEquals("dmabufdio: no scenario files (*.dmabuf) in " + empty + "\n", none.err());
		Path ok = write("ok.dmabuf", "scenario \"ok\" {\n    mmap anon 4K\n}\n");
		Path inTheWay = write("file", "");
		Run r = run("run", "--report", "junit:" + inTheWay.resolve("x.xml"), ok.toString());
		assertEquals(Main.EXIT_USAGE, r.exit(), r.err());
		assertTrue(r.err().startsWith("dmabufdio: cannot write the junit report " + inTheWay.resolve("x.xml") + ": "), r.err());
		assertTrue(!r.err().contains("Exception"), r.err());
	}

	@Test
	void aFileNamedTwiceRunsOnce() throws IOException {
		Path f = write("once.dmabuf", "scenario \"once\" {\n    mmap anon 4K\n}\n");
		Run r = run("run", dir.toString(), f.toString());
		assertTrue(r.out().contains("1 scenario runs: 1 pass"), r.out());
	}

	@Test
	void quietPrintsOnlyWhatDidNotPassAndTheSummary() {
		Run r = run("run", "--quiet", "../scenarios/card.dmabuf");
		assertEquals(1, r.exit());
		List<String> verdicts = r.out().lines().filter(l -> l.matches("^(PASS|FAIL|SKIP|XFAIL|ERROR) .*")).toList();
		assertEquals(1, verdicts.size(), r.out());
		assertTrue(verdicts.get(0).startsWith("FAIL  ../scenarios/card.dmabuf: card example, patch 1 alone"), r.out());
		assertTrue(r.out().endsWith("3 scenario runs: 2 pass 1 fail 0 xfail 0 skip 0 error\n"), r.out());
	}

	/** A pipe (or a file) never gets the terminal's progress line. */
	@Test
	void noProgressLineOutsideATerminal() {
		Run r = run("run", "../scenarios/card.dmabuf");
		assertEquals(-1, r.out().indexOf('\r'));
		assertEquals(-1, r.out().indexOf('\033'));
		Run t = runOnTerminal("run", "--format", "json", "../scenarios/card.dmabuf");
		assertEquals(-1, t.out().indexOf('\r'), "nor does JSON, even on a terminal");
		Run text = runOnTerminal("run", "../scenarios/card.dmabuf");
		assertTrue(text.out().contains("\r[0/3] 0 failures\033[K"), text.out());
		assertEquals(run("run", "../scenarios/card.dmabuf").out(), text.out().replaceAll("\r[^\r\n]*\033\\[K", ""),
				"erased, the line leaves the text as it is in a pipe");
	}

	private static Run runOnTerminal(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				true);
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** The HTML report: on standard output or to a file, the same one page, whole. */
	@Test
	void anHtmlReportIsOnePageOnStandardOutputOrInAFile() throws IOException {
		Path f = write("ok.dmabuf", "scenario \"ok <1>\" {\n    device qemu_virtio\n    mmap anon 4K\n}\n");
		Path html = dir.resolve("reports/run.html");
		Run r = run("run", "--format", "html", "--report", "html:" + html, f.toString());
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.out().startsWith("<!DOCTYPE html>") && r.out().contains("ok &lt;1&gt;"), r.out());
		assertEquals(r.out(), Files.readString(html));
		String help = run("run", "--help").out().replaceAll("\\s+", " "); // picocli wraps the descriptions
		assertTrue(help.contains("html (one self-contained page with charts)") && help.contains("--report html:report.html"), help);
		assertTrue(run("run", "--report", "xml:x", f.toString()).err().contains("one of text, json, junit, ktap, html"));
	}

	@Test
	void aScenarioOverTheInstanceLimitIsAnErrorAtItsLine() throws IOException {
		Path f = write("sweep.dmabuf", "scenario \"sweep\" {\n    for a in [1, 2, 3]\n    rounds 2\n    mmap anon 4K\n}\n");
		Run r = run("run", "--max-instances", "5", f.toString());
		assertEquals(252, r.exit());
		assertTrue(r.out().contains("sweep.dmabuf:1:10: error: rounds 2 × 3 a = 6 instances; the limit is 5 (--max-instances)"), r.out());
		assertEquals(0, run("run", "--max-instances", "6", f.toString()).exit());
	}

	@Test
	void formatRewritesFilesIntoTheCanonicalFormatAndCheckReportsThem() throws IOException {
		Path f = write("messy.dmabuf", "scenario \"m\" {\n  alloc 1M from system heap;mmap\nassert ok }");
		Run check = run("format", "--check", dir.toString());
		assertEquals(1, check.exit());
		assertTrue(check.out().contains("messy.dmabuf: not in the canonical format"), check.out());
		assertEquals(0, run("format", f.toString()).exit());
		assertEquals("scenario \"m\" {\n    alloc 1M from system heap; mmap\n    assert ok\n}\n", Files.readString(f));
		assertEquals(0, run("format", "--check", f.toString()).exit());
	}

	@Test
	void formatLeavesAFileWithSyntaxErrorsAloneAndSaysWhere() throws IOException {
		String text = "scenario \"m\" {\n    alloc from\n}\n";
		Path f = write("broken.dmabuf", text);
		Run r = run("format", f.toString());
		assertEquals(252, r.exit());
		assertTrue(r.err().contains("broken.dmabuf:2:"), r.err());
		assertEquals(text, Files.readString(f));
	}
}
