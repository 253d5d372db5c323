package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.dmabufdio.dsl.results.FileDiagnostic;
import org.dmabufdio.dsl.results.JsonReport;
import org.dmabufdio.dsl.results.JunitReport;
import org.dmabufdio.dsl.results.KtapReport;
import org.dmabufdio.dsl.results.Reports;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** The reports CI servers read: JUnit XML and KTAP, from one run with every verdict in it. */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class ReportsTest {

	@Inject
	private Injector injector;

	@TempDir
	Path dir;

	/** pass, fail (with a hazard-free message), skip, xfail and error, in one file; a second file that does not validate. */
	private RunResult run() {
		Scenarios s = new Scenarios(injector);
		List<ScenarioResult> results = new ArrayList<>(s.run(s.parse("v.dmabuf", """
				scenario "passes" [smoke, fast] {
				    device qemu_virtio
				    mmap anon 4K
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
				scenario "broken" {
				    device qemu_virtio
				    sleep 90000s
				    mmap anon 4K
				}
				""")));
		return new RunResult(results, List.of(), List.of(new FileDiagnostic("bad.dmabuf", 2, 5, "error", "unknown file 'x'", null)));
	}

	@Test
	void junitXmlHasASuitePerFileACasePerInstanceAndWhyEachDidNotPass() throws Exception {
		RunResult run = run();
		assertEquals(List.of("PASS", "FAIL", "SKIP", "XFAIL", "ERROR"), run.scenarios().stream().map(r -> r.status().name()).toList());
		Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(JunitReport.render(run).getBytes(StandardCharsets.UTF_8)));
		Element root = xml.getDocumentElement();
		assertEquals("testsuites", root.getTagName());
		assertEquals(List.of("6", "1", "2", "1"), List.of(root.getAttribute("tests"), root.getAttribute("failures"),
				root.getAttribute("errors"), root.getAttribute("skipped")));
		NodeList suites = root.getElementsByTagName("testsuite");
		assertEquals(2, suites.getLength());
		assertEquals("bad.dmabuf", ((Element) suites.item(0)).getAttribute("name"));
		Element v = (Element) suites.item(1);
		assertEquals("v.dmabuf", v.getAttribute("name"));
		NodeList cases = v.getElementsByTagName("testcase");
		assertEquals(5, cases.getLength());
		assertEquals("passes #1", ((Element) cases.item(0)).getAttribute("name"));
		NodeList tags = ((Element) cases.item(0)).getElementsByTagName("property");
		assertEquals(List.of("tag=smoke", "tag=fast"), List.of(((Element) tags.item(0)).getAttribute("name") + "="
				+ ((Element) tags.item(0)).getAttribute("value"), ((Element) tags.item(1)).getAttribute("name") + "="
				+ ((Element) tags.item(1)).getAttribute("value")));
		assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("properties").getLength());
		Element fail = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
		assertTrue(fail.getTextContent().startsWith("v.dmabuf:9:38: read O_DIRECT model.bin failed with EFAULT, which no assertion expects"), fail.getTextContent());
		assertEquals("needs a phone", ((Element) ((Element) cases.item(2)).getElementsByTagName("skipped").item(0)).getAttribute("message"));
		Element xfail = (Element) cases.item(3);
		assertEquals(0, xfail.getElementsByTagName("failure").getLength() + xfail.getElementsByTagName("skipped").getLength());
		assertTrue(xfail.getElementsByTagName("system-out").item(0).getTextContent().startsWith("xfail: known: <baseline> & \"friends\""));
		assertEquals(1, ((Element) cases.item(4)).getElementsByTagName("error").getLength());
		String steps = ((Element) cases.item(1)).getElementsByTagName("system-out").item(0).getTextContent();
		assertTrue(steps.contains("     9  read O_DIRECT model.bin"), steps);
	}

	@Test
	void ktapIsKselftestsFormat() {
		String ktap = KtapReport.render(run());
		List<String> lines = ktap.lines().toList();
		assertEquals(List.of("KTAP version 1", "1..2", "# bad.dmabuf:2:5: error: unknown file 'x'",
				"not ok 1 bad.dmabuf # error the file does not parse or validate", "    KTAP version 1", "    # Subtest: v.dmabuf",
				"    1..5", "    # tags: smoke, fast", "    ok 1 passes"), lines.subList(0, 9));
		assertTrue(lines.get(9).startsWith("    # v.dmabuf:9:38: read O_DIRECT model.bin failed with EFAULT"), lines.get(9));
		assertEquals(List.of("    not ok 2 fails", "    ok 3 skipped # SKIP needs a phone"), lines.subList(10, 12));
		assertTrue(lines.get(12).startsWith("    ok 4 expected to fail # XFAIL known: <baseline> & \"friends\""), lines.get(12));
		assertTrue(lines.get(14).startsWith("    not ok 5 broken # error"), lines.get(14));
		assertEquals(List.of("not ok 2 v.dmabuf", "# totals: pass:1 fail:1 xfail:1 xpass:0 skip:1 error:1"),
				lines.subList(lines.size() - 2, lines.size()));
	}

	/** The schema states what Surefire, Jenkins and GitLab read (see its header); every verdict's case is checked. */
	@Test
	void junitXmlIsValidAgainstTheSchemaCiServersRead() throws Exception {
		Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
				.newSchema(ReportsTest.class.getResource("junit-report.xsd"));
		String xml = JunitReport.render(run());
		schema.newValidator().validate(new StreamSource(new StringReader(xml)));
		// and the schema does reject what those readers would not take: an outcome before the case's properties
		String misordered = xml.replaceFirst("(<testcase [^>]*>)(<properties>.*?</properties>)", "$1<skipped/>$2");
		assertTrue(!misordered.equals(xml), "the fixture has a case with properties");
		assertThrows(SAXException.class, () -> schema.newValidator().validate(new StreamSource(new StringReader(misordered))));
	}

	@Test
	void aCellThatIsNotANumberIsNullInJson() {
		ResultTable t = new ResultTable("t.dmabuf", "t", "rows", false, List.of("a", "b", "c"),
				List.of(new ResultTable.Row("r", null, java.util.Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, 1.5))));
		String json = JsonReport.render(new RunResult(List.of(), List.of(t), List.of()));
		assertTrue(json.contains("\"ms\":[null,null,1.500]"), json);
	}

	@Test
	void aReportFileIsReadableByTheCiServer() throws Exception {
		Path report = dir.resolve("r.xml");
		Reports.write(report, "<r/>");
		if (Files.getFileStore(report).supportsFileAttributeView("posix")) {
			assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
		}
	}

	@Test
	void jsonCarriesEachInstancesTags() {
		String json = JsonReport.render(run());
		assertTrue(json.contains("\"name\":\"passes\",\"tags\":[\"smoke\",\"fast\"],\"params\":{}"), json);
		assertTrue(json.contains("\"name\":\"fails\",\"tags\":[],\"params\":{}"), json);
	}

	@Test
	void aReportIsWrittenWholeOrNotAtAll() throws Exception {
		Path report = dir.resolve("reports/run.xml");
		Reports.write(report, "<old/>");
		Reports.write(report, Reports.render("junit", run()));
		assertTrue(Files.readString(report).startsWith("<?xml"));
		try (var left = Files.list(report.getParent())) {
			assertEquals(List.of("run.xml"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left behind");
		}
	}
}
