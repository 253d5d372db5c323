package org.dmabufdio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** The engine as Surefire and IDEs drive it, through JUnit's own test kit. */
class DmabufTestEngineTest {

	private static final String SUITE = "target/test-classes/org/dmabufdio/junit/suite/";

	@TempDir
	Path dir;

	@DmabufdioScenarios("src/test/resources/org/dmabufdio/junit/suite")
	static final class Marked {
	}

	static final class Unmarked {
	}

	private static EngineExecutionResults runPackage() {
		return EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectPackage("org.dmabufdio.junit.suite")).execute();
	}

	/** Test display name -> how it ended (and why, for failures and skips). */
	private static Map<String, String> outcomes(EngineExecutionResults results) {
		Map<String, String> out = new TreeMap<>();
		for (Event e : results.testEvents().list()) {
			String name = e.getTestDescriptor().getDisplayName();
			if (e.getType() == EventType.SKIPPED) {
				out.put(name, "skipped");
			} else if (e.getType() == EventType.FINISHED) {
				TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
				out.put(name, r.getStatus() + r.getThrowable().map(t -> ": " + t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(""));
			}
		}
		return out;
	}

	@Test
	void eachInstanceIsATestNamedFileScenarioParamsRound() {
		Map<String, String> o = outcomes(runPackage());
		assertEquals(List.of(SUITE + "invalid.dmabuf \u203a the file parses and validates",
				SUITE + "verdicts.dmabuf \u203a broken #1", SUITE + "verdicts.dmabuf \u203a expected to fail #1",
				SUITE + "verdicts.dmabuf \u203a fails #1", SUITE + "verdicts.dmabuf \u203a passes {size=4K} #1",
				SUITE + "verdicts.dmabuf \u203a passes {size=8K} #1", SUITE + "verdicts.dmabuf \u203a skipped #1"), List.copyOf(o.keySet()));
		assertEquals("SUCCESSFUL", o.get(SUITE + "verdicts.dmabuf \u203a passes {size=4K} #1"));
		assertEquals("SUCCESSFUL", o.get(SUITE + "verdicts.dmabuf \u203a expected to fail #1"), "an xfail passes");
		assertEquals("FAILED: AssertionFailedError: " + SUITE
				+ "verdicts.dmabuf:14:38: read O_DIRECT model.bin failed with EFAULT, which no assertion expects",
				o.get(SUITE + "verdicts.dmabuf \u203a fails #1"));
		assertEquals("ABORTED: TestAbortedException: needs a phone", o.get(SUITE + "verdicts.dmabuf \u203a skipped #1"));
		assertEquals("FAILED: ScenarioError: " + SUITE + "verdicts.dmabuf:33:5: simulated time budget exceeded",
				o.get(SUITE + "verdicts.dmabuf \u203a broken #1"));
		assertEquals("FAILED: ScenarioError: the file does not parse or validate:\n" + SUITE
				+ "invalid.dmabuf:2:11: error: size '3' needs a unit: 3B, 3K, 3M, 3G or 3T (binary, as the kernel's memparse)",
				o.get(SUITE + "invalid.dmabuf \u203a the file parses and validates"));
	}

	@Test
	void aFailuresStackIsTheScenariosLineAndTheSourceIsItsFile() {
		Event failed = runPackage().testEvents().failed().list().stream()
				.filter(e -> e.getTestDescriptor().getDisplayName().endsWith("fails #1")).findFirst().orElseThrow();
		Throwable t = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
		assertEquals("dmabufdio.fails(verdicts.dmabuf:14)", t.getStackTrace()[0].toString(), "the step that failed");
		FileSource source = (FileSource) failed.getTestDescriptor().getSource().orElseThrow();
		assertEquals(Path.of(SUITE, "verdicts.dmabuf").toAbsolutePath(), source.getFile().toPath());
		assertEquals(10, source.getPosition().orElseThrow().getLine());
	}

	@Test
	void theStepTableIsTheTestsOutputAndAnXfailsReasonAReportEntry() {
		PrintStream saved = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		EngineExecutionResults results;
		try {
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			results = runPackage();
		} finally {
			System.setOut(saved);
		}
		String out = captured.toString(StandardCharsets.UTF_8);
		assertTrue(out.contains("FAIL  " + SUITE + "verdicts.dmabuf: fails"), out);
		assertTrue(out.lines().anyMatch(l -> l.matches(" +14  read O_DIRECT model.bin +-1 EFAULT.*")), out);
		List<String> entries = results.allEvents().reportingEntryPublished().list().stream()
				.map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload().orElseThrow()).toList();
		assertEquals(1, entries.size(), entries.toString());
		assertTrue(entries.get(0).contains("expected to fail #1") && entries.get(0).contains("xfail = 'baseline refuses O_DIRECT"), entries.get(0));
	}

	/** Surefire's groups/excludedGroups become the launcher's tag filters: scenario tags are test tags. */
	@Test
	void scenarioTagsAreTestTags() {
		EngineExecutionResults r = EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectPackage("org.dmabufdio.junit.suite"))
				.filters(TagFilter.includeTags("smoke"), TagFilter.excludeTags("fast")).execute();
		assertEquals(List.of(SUITE + "verdicts.dmabuf \u203a fails #1"), List.copyOf(outcomes(r).keySet()));
		EngineExecutionResults all = runPackage();
		assertEquals(java.util.Set.of(TestTag.create("smoke"), TestTag.create("fast")), all.testEvents().started().list().stream()
				.filter(e -> e.getTestDescriptor().getDisplayName().contains("passes")).findFirst().orElseThrow().getTestDescriptor().getTags());
	}

	@Test
	void aMarkedClassSelectsItsDirectoryAndAnUnmarkedOneNothing() {
		Map<String, String> marked = outcomes(EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectClass(Marked.class)).execute());
		assertEquals(7, marked.size(), marked.toString());
		assertTrue(marked.keySet().stream().allMatch(n -> n.startsWith("src/test/resources/org/dmabufdio/junit/suite/")), marked.toString());
		assertEquals(0, EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectClass(Unmarked.class)).execute().testEvents().count());
	}

	@Test
	void aDirectoryIsTheSuitesRootAndImportsStayInIt() throws IOException {
		Path suite = Files.createDirectories(dir.resolve("suite"));
		Files.writeString(dir.resolve("outside.dmabuf"), "fragment f() {\n    mmap anon 4K\n}\n");
		Files.writeString(suite.resolve("a.dmabuf"), "import \"../outside.dmabuf\"\nscenario \"a\" {\n    use f()\n}\n");
		Map<String, String> o = outcomes(EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectDirectory(suite.toFile())).execute());
		assertEquals(1, o.size(), o.toString());
		String only = o.values().iterator().next();
		assertTrue(only.startsWith("FAILED: ScenarioError: the file does not parse or validate:\n" + suite.resolve("a.dmabuf") + ":1:8: error: "), only);
		assertTrue(only.contains("leaves the suite's root"), only);
	}

	@Test
	void aMarkedClassIsTheContainerSurefireReportsItsScenariosUnder() {
		EngineExecutionResults r = EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectClass(Marked.class)).execute();
		Event clazz = r.containerEvents().started().list().stream()
				.filter(e -> e.getTestDescriptor().getSource().filter(ClassSource.class::isInstance).isPresent()).findFirst().orElseThrow();
		assertEquals(Marked.class.getName(), ((ClassSource) clazz.getTestDescriptor().getSource().orElseThrow()).getClassName());
		assertEquals(7, clazz.getTestDescriptor().getDescendants().stream().filter(d -> d.isTest()).count());
		String id = r.testEvents().started().list().get(0).getTestDescriptor().getUniqueId().toString();
		assertEquals(1, EngineTestKit.engine(DmabufTestEngine.ID).selectors(selectUniqueId(id)).execute().testEvents().started().count(),
				"a test under a class runs again by its id");
	}

	@Test
	void aTestRunsAgainByItsUniqueId() {
		String id = runPackage().testEvents().started().list().stream().map(Event::getTestDescriptor)
				.filter(d -> d.getDisplayName().endsWith("passes {size=8K} #1")).findFirst().orElseThrow().getUniqueId().toString();
		Map<String, String> again = outcomes(EngineTestKit.engine(DmabufTestEngine.ID)
				.selectors(selectUniqueId(id)).execute());
		assertEquals(Map.of(SUITE + "verdicts.dmabuf \u203a passes {size=8K} #1", "SUCCESSFUL"), again);
	}

	@Test
	void aScenarioOverTheInstanceLimitIsOneFailedTest() throws IOException {
		Files.writeString(dir.resolve("big.dmabuf"), "scenario \"big\" {\n    rounds 1000\n    mmap anon 4K\n}\n");
		Map<String, String> o = outcomes(EngineTestKit.engine(DmabufTestEngine.ID).configurationParameter(DmabufTestEngine.MAX_INSTANCES, "10")
				.selectors(selectDirectory(dir.toFile())).execute());
		assertEquals(1, o.size(), o.toString());
		String only = o.values().iterator().next();
		assertTrue(only.startsWith("FAILED: ScenarioError: the file does not parse or validate:\n" + dir.resolve("big.dmabuf")
				+ ":1:10: error: rounds 1000 = 1000 instances; the limit is 10"), only);
	}
}
