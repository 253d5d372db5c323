package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.interpreter.Tables;
import org.dmabufdio.dsl.results.HtmlReport;
import org.dmabufdio.dsl.results.Reports;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * The HTML report in a real browser: Debian's chromium, headless, opens the file and the test
 * reads back the DOM the page's script left: every chart drew, in colour, with no script error,
 * and the seed table's bars stand as its cells do. It also takes the screenshot of the seed
 * table's report (target/report-seed-table.png; with -Ddmabufdio.updateScreenshot=true also
 * docs/report-seed-table.png).
 *
 * <p>Without chromium the tests are skipped, saying the one command that enables them; with
 * DMABUFDIO_REQUIRE_BROWSER=1 (environment or system property, as .ci/run sets it) they fail
 * instead, so CI cannot skip them unnoticed.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class HtmlReportBrowserTest {

	static final String ENABLE = "sudo apt-get install chromium";

	@Inject
	private Injector injector;

	@TempDir
	Path dir;

	private Path chromium;

	@BeforeEach
	void findChromium() {
		chromium = chromium();
		if (chromium == null) {
			String why = "no chromium on the PATH to open the HTML report in; " + ENABLE + " enables these tests";
			if (required()) {
				fail(why + " (DMABUFDIO_REQUIRE_BROWSER=1 makes them mandatory)");
			}
			// in the build's output too: Surefire counts skipped tests but does not say why
			System.err.println("HtmlReportBrowserTest skipped: " + why);
			Assumptions.abort(why);
		}
	}

	private static boolean required() {
		return "1".equals(System.getenv("DMABUFDIO_REQUIRE_BROWSER")) || "1".equals(System.getProperty("DMABUFDIO_REQUIRE_BROWSER"));
	}

	/** DMABUFDIO_CHROMIUM, or the first of Debian's and others' names on the PATH. */
	private static Path chromium() {
		String given = System.getenv("DMABUFDIO_CHROMIUM");
		if (given != null && !given.isEmpty()) {
			return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
		}
		for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
			for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				Path p = Path.of(d.isEmpty() ? "." : d, name);
				if (Files.isExecutable(p)) {
					return p;
				}
			}
		}
		return null;
	}

	/** Runs headless chromium on the file with the given options; its standard output. */
	private String chromium(Path page, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--virtual-time-budget=5000", "--window-size=1280,1600",
				"--hide-scrollbars"));
		command.addAll(Arrays.asList(options));
		command.add(page.toUri().toString());
		Path log = dir.resolve("chromium.log");
		Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
		p.getOutputStream().close();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			fail("chromium took over 2 minutes: " + command);
		}
		assertEquals(0, p.exitValue(), "chromium failed: " + command + "\n" + Files.readString(log));
		return new String(out, StandardCharsets.UTF_8);
	}

	private RunResult seedTable() {
		Scenarios s = new Scenarios(injector);
		Resource r = s.load(Scenarios.DIR.resolve("seed/cover-letter-table.dmabuf"));
		List<ScenarioResult> results = s.run(r);
		List<ResultTable> tables = Tables.build(results.get(0).file(), (Model) r.getContents().get(0), results);
		return new RunResult(results, tables, List.of());
	}

	/** An attribute of the first element that has it, null if none. */
	private static String attribute(String html, String element, String name) {
		Matcher m = Pattern.compile("<" + element + "\\b[^>]*?\\s" + name + "=\"([^\"]*)\"").matcher(html);
		return m.find() ? m.group(1) : null;
	}

	/** Each chart element of the DOM: its opening tag. */
	private static List<String> charts(String html) {
		return Pattern.compile("<div class=\"chart[^\"]*\"[^>]*>").matcher(html).results().map(java.util.regex.MatchResult::group).toList();
	}

	/** Every chart of the page drew, in colour (uPlot's series, not just its frame), without a script error. */
	private static List<String> assertEveryChartDrew(String page, String dom) {
		assertEquals(null, attribute(dom, "body", "data-error"), "a script error");
		int expected = charts(page).size();
		assertTrue(expected > 0);
		assertEquals(String.valueOf(expected), attribute(dom, "body", "data-charts"), "the script saw every chart");
		assertEquals(String.valueOf(expected), attribute(dom, "body", "data-drawn"), "and each drew");
		List<String> drawn = charts(dom);
		assertEquals(expected, drawn.size());
		for (String chart : drawn) {
			String ink = attribute(chart, "div", "data-ink");
			// the frame is white, grey and black: colour is uPlot's lines and bars
			assertTrue(ink != null && Integer.parseInt(ink) > 100, "a chart with its lines or bars: " + chart);
			assertTrue(chart.contains("class=\"chart"), chart);
		}
		return drawn;
	}

	@Test
	void theSeedTablesReportDrawsItsChartsAndTheCoverLettersBars() throws Exception {
		RunResult run = seedTable();
		String html = HtmlReport.render(run);
		Path page = dir.resolve("seed table.html");
		Reports.write(page, html);
		String dom = chromium(page, "--dump-dom");
		List<String> drawn = assertEveryChartDrew(html, dom);
		assertEquals(1 + 2 * run.scenarios().size(), drawn.size(), "the table's bars and two timelines per run");

		// the bars: each column's ink stands to the other's as the sums of its averages (the bars have one width)
		String bars = drawn.stream().filter(c -> c.contains("data-kind=\"bars\"")).findFirst().orElseThrow();
		int[] ink = Arrays.stream(attribute(bars, "div", "data-series-ink").split(",")).mapToInt(Integer::parseInt).toArray();
		JsonObject table = HtmlReportTest.data(html).getAsJsonArray("tables").get(0).getAsJsonObject();
		assertEquals("[\"Clean\",\"Eat 4GB\"]", table.getAsJsonArray("groups").toString());
		double[] sums = new double[2];
		for (int c = 0; c < 2; c++) {
			for (var v : table.getAsJsonArray("values").get(c).getAsJsonArray()) {
				sums[c] += v.getAsDouble();
			}
		}
		assertEquals(sums[1] / sums[0], (double) ink[1] / ink[0], 0.1 * sums[1] / sums[0],
				"BIO's bars against DIO's: " + Arrays.toString(ink) + " pixels for " + Arrays.toString(sums) + " ms");

		Path png = Path.of("target", "report-seed-table.png").toAbsolutePath();
		Files.deleteIfExists(png);
		chromium(page, "--screenshot=" + png);
		BufferedImage image = ImageIO.read(png.toFile());
		assertEquals(List.of(1280, 1600), List.of(image.getWidth(), image.getHeight()));
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 4) {
			for (int x = 0; x < image.getWidth(); x += 4) {
				colours.add(image.getRGB(x, y));
			}
		}
		assertTrue(colours.size() > 50, "a page, not a blank: " + colours.size() + " colours");
		if (Boolean.getBoolean("dmabufdio.updateScreenshot")) {
			Files.copy(png, Path.of("..", "docs", "report-seed-table.png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Test
	void kernelsSideBySideDrawOnOneScale() throws Exception {
		Scenarios s = new Scenarios(injector);
		List<ScenarioResult> results = s.run(s.parse("k.dmabuf", """
				scenario "fork after O_DIRECT" {
				    for kernel in [baseline, dmabuf_dio_mmap, dmabuf_dio]
				    device qemu_virtio
				    kernel $kernel
				    file model.bin size 64M
				    alloc 64M from system heap; mmap; read O_DIRECT model.bin; fork
				}
				"""));
		String html = HtmlReport.render(new RunResult(results, List.of()));
		Path page = dir.resolve("kernels.html");
		Reports.write(page, html);
		List<String> drawn = assertEveryChartDrew(html, chromium(page, "--dump-dom"));
		assertEquals(3 + 2 * results.size(), drawn.size(), "a row of three kernels and two timelines per run");
		List<String> compared = drawn.stream().filter(c -> c.contains("data-scale=")).toList();
		assertEquals(3, compared.size());
		assertEquals(1, compared.stream().map(c -> attribute(c, "div", "data-scale")).distinct().count());
	}
}
