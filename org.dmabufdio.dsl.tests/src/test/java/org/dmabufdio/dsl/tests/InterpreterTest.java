package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.interpreter.ScenarioRunner;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.StepResult;
import org.dmabufdio.dsl.results.Verdict;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * The interpreter, statement by statement: each test runs a small scenario on the QEMU guest
 * profile (2 GiB, no timing noise) whose own assertions state the kernel behaviour, and checks the
 * verdict; where an assertion must not hold, the failure message and location are checked too.
 * The scenario body starts on line 2.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class InterpreterTest {

	@Inject
	private Injector injector;

	private Scenarios s;

	@BeforeEach
	void setUp() {
		s = new Scenarios(injector);
	}

	private ScenarioResult run(String body) {
		return s.runBody("    device qemu_virtio\n" + body);
	}

	private void passes(String body) {
		ScenarioResult r = run(body);
		assertEquals(Verdict.PASS, r.status(), () -> r.message() + " at " + r.line() + ":" + r.column());
	}

	/** The scenario fails at line:column with a message containing {@code part}. */
	private void failsAt(String body, int line, int column, String part) {
		ScenarioResult r = run(body);
		assertEquals(Verdict.FAIL, r.status(), () -> "expected a failure, got " + r.status() + ": " + r.message());
		assertEquals(line + ":" + column, r.line() + ":" + r.column(), r.message());
		assertTrue(r.message().contains(part), r.message());
	}

	private static StepResult step(ScenarioResult r, String textPrefix) {
		return r.steps().stream().filter(x -> x.text().startsWith(textPrefix)).findFirst()
				.orElseThrow(() -> new AssertionError("no step '" + textPrefix + "' in " + r.steps()));
	}

	/** The text report says where a step's time went, and says nothing for a step that only waited. */
	@Test
	void theTextReportListsWhatAStepSpentAndNothingForASleep() {
		ScenarioResult r = run("""
				    time alloc 256M from system heap as buf
				    sleep 1s""");
		String report = org.dmabufdio.dsl.results.TextReport.render(
				new org.dmabufdio.dsl.results.RunResult(List.of(r), List.of()));
		List<String> spent = report.lines().filter(l -> l.trim().startsWith("spent:")).toList();
		assertEquals(1, spent.size(), report);
		assertTrue(spent.get(0).trim().startsWith("spent: page_zero "), report);
		assertTrue(spent.get(0).endsWith(" (ms)"), report);
	}

	@Nested
	class Setup {

		@Test
		void deviceParametersCanBeOverridden() {
			ScenarioResult r = s.runBody("""
					    device qemu_virtio { ram 1G }
					    mmap anon 4K""");
			assertEquals(Verdict.PASS, r.status(), r.message());
			long memTotal = step(r, "mmap").meminfo().get("MemTotal");
			assertTrue(memTotal <= 1024 * 1024 && memTotal > 900 * 1024, "MemTotal of a 1G machine: " + memTotal);
		}

		@Test
		void aKernelFeatureOnlyWhereAsked() {
			passes("""
					    kernel baseline with rw_file
					    file model.bin size 1M
					    alloc 1M from system heap as buf
					    rw_file read model.bin into buf
					    assert returns 1M""");
			passes("""
					    kernel baseline
					    file model.bin size 1M
					    alloc 1M from system heap as buf
					    rw_file read model.bin into buf
					    assert fails ENOTTY""");
		}

		@Test
		void aFileIsOnDiskAndNotCached() {
			passes("""
					    file data.bin size 8M
					    mmap anon 8M as buf
					    checkpoint empty
					    read data.bin into buf
					    assert meminfo Cached increased by 8M since empty""");
		}

		@Test
		void onExt4DirectIoAlignsToTheDeviceNotToTheFilesystemBlock() {
			passes("""
					    file data.bin size 1M block 4K
					    mmap anon 1M as buf
					    read O_DIRECT data.bin offset 512B length 512B into buf
					    assert returns 512B
					    read O_DIRECT data.bin offset 256B length 512B into buf
					    assert fails EINVAL""");
		}

		@Test
		void aFileSaysItsFilesystemEvenWhenItIsTheFirstChoice() {
			ScenarioResult r = s.runBody("""
					    device qemu_virtio { filesystem f2fs }
					    file a.bin size 1M on ext4
					    file b.bin size 1M
					    mmap anon 1M as buf
					    checkpoint empty
					    read O_DIRECT a.bin offset 512B length 512B into buf
					    assert meminfo Cached unchanged since empty
					    read O_DIRECT b.bin offset 512B length 512B into buf
					    assert meminfo Cached increased by 16K since empty""");
			assertEquals(Verdict.PASS, r.status(), r.message());
		}

		@Test
		void stressEatsAnonymousMemoryAndDropCachesEmptiesTheCache() {
			passes("""
					    file data.bin size 16M
					    mmap anon 16M as buf
					    checkpoint empty
					    stress eat 256M
					    assert meminfo AnonPages increased by 256M since empty
					    read data.bin into buf
					    assert meminfo Cached increased by 16M since empty
					    drop caches
					    assert meminfo Cached unchanged since empty""");
		}

		@Test
		void sleepLetsTimePass() {
			ScenarioResult r = run("""
					    mmap anon 4K
					    sleep 250ms""");
			assertEquals(Verdict.PASS, r.status(), r.message());
			assertEquals(250_000_000L, step(r, "sleep").timeNs());
		}

		@Test
		void checkpointsCompareWithTheirOwnMoment() {
			failsAt("""
					    mmap anon 2M as a
					    write to a
					    checkpoint one
					    write to a
					    assert RssAnon increased by 2M since one""", 7, 8, "RssAnon changed by 0 kB, expected +2048 kB");
		}
	}

	@Nested
	class Memory {

		@Test
		void systemHeapBuffersAreFreedWhenTheLastReferenceGoes() {
			passes("""
					    checkpoint empty
					    alloc 8M from system heap as buf
					    assert meminfo MemFree decreased by 8M since empty
					    mmap buf as view
					    free buf
					    assert meminfo MemFree decreased by 8M since empty
					    munmap view
					    assert meminfo MemFree unchanged since empty""");
		}

		@Test
		void theCmaHeapTakesTheCmaAreaAndRefusesPrivateMappings() {
			passes("""
					    checkpoint empty
					    alloc 4M from cma heap as buf
					    assert meminfo CmaFree decreased by 4M since empty
					    mmap buf private
					    assert fails EINVAL
					    mmap buf shared as view
					    assert smaps view VmFlags contains pf io
					    touch view
					    assert smaps view Rss == 0""");
		}

		@Test
		void memfdPagesAreShmemOnFirstTouch() {
			passes("""
					    checkpoint empty
					    memfd 4M as mf
					    assert meminfo Shmem unchanged since empty
					    mmap mf as view
					    write to view
					    assert RssShmem == 4M
					    assert meminfo Shmem increased by 4M since empty""");
		}

		@Test
		void udmabufOverAMemfdRange() {
			passes("""
					    memfd 4M as mf
					    udmabuf mf offset 1M length 2M as ub
					    assert dmabuf ub Size == 2M""");
		}

		@Test
		void mmapMethodsAndTheirFlags() {
			passes("""
					    kernel baseline
					    alloc 1M from system heap as buf
					    mmap buf insert_page as a
					    assert smaps a VmFlags contains mm
					    assert smaps a VmFlags not contains pf
					    assert smaps a Rss == 1M
					    mmap buf remap_pfn as b
					    assert smaps b VmFlags contains pf io
					    assert smaps b Rss == 0""");
		}

		@Test
		void sharedAndPrivateAnonymousMappings() {
			passes("""
					    mmap anon 1M shared as s
					    assert smaps s VmFlags contains sh
					    mmap anon 1M as p
					    assert smaps p VmFlags not contains sh
					    mmap anon 1M private as q
					    assert smaps q VmFlags not contains sh""");
		}

		@Test
		void mmapOfARangeOfABuffer() {
			passes("""
					    alloc 4M from system heap as buf
					    mmap buf insert_page offset 1M length 2M as view
					    assert smaps view Size == 2M
					    mmap buf offset 3M length 2M
					    assert fails EINVAL""");
		}

		@Test
		void mmapOfAFileFaultsItIn() {
			passes("""
					    file data.bin size 1M
					    mmap data.bin as view
					    assert RssFile == 0
					    touch view
					    assert RssFile == 1M
					    assert meminfo Mapped == 1M""");
		}

		@Test
		void munmapDropsTheRss() {
			passes("""
					    kernel dmabuf_dio_mmap
					    alloc 2M from system heap as buf
					    mmap buf as view
					    assert RssFile == 2M
					    munmap view
					    assert rss unchanged""");
		}

		@Test
		void madviseDontneedZapsAnonymousPagesAndRefusesPfnMaps() {
			passes("""
					    mmap anon 2M as heap
					    write to heap
					    assert RssAnon == 2M
					    madvise dontneed heap length 1M
					    assert RssAnon == 1M""");
			passes("""
					    kernel baseline
					    alloc 1M from system heap as buf
					    mmap buf as view
					    madvise dontneed view
					    assert fails EINVAL""");
		}

		@Test
		void touchReadsAnonymousMemoryThroughTheZeroPage() {
			passes("""
					    mmap anon 2M as heap
					    touch heap
					    assert RssAnon == 0
					    write to heap length 64K
					    assert RssAnon == 64K""");
		}

		@Test
		void memcpyFaultsBothSidesAndReturnsTheBytes() {
			passes("""
					    file data.bin size 2M
					    mmap data.bin as src
					    mmap anon 2M as dst
					    memcpy src to dst
					    assert returns 2M
					    assert RssFile == 2M
					    assert RssAnon == 2M""");
		}

		@Test
		void pinsHoldPagesUntilUnpinned() {
			passes("""
					    kernel dmabuf_dio_mmap
					    alloc 2M from system heap as buf
					    mmap buf as view
					    pin view length 1M as io
					    assert dmabuf buf Pinned == 1M
					    unpin io
					    assert dmabuf buf Pinned == 0""");
			passes("""
					    kernel baseline
					    alloc 2M from system heap as buf
					    mmap buf as view
					    pin view
					    assert fails EFAULT""");
		}
	}

	@Nested
	class Io {

		@Test
		void directReadsPinAndBypassTheCache() {
			passes("""
					    file data.bin size 4M
					    mmap anon 4M as buf
					    checkpoint empty
					    read O_DIRECT data.bin into buf
					    assert returns 4M
					    assert meminfo Cached unchanged since empty
					    assert RssAnon == 4M""");
		}

		@Test
		void rangesChunksAndTheBufferOffset() {
			ScenarioResult r = run("""
					    file data.bin size 4M
					    mmap anon 4M as buf
					    read O_DIRECT data.bin offset 1M length 2M in chunks of 512K into buf at 1M
					    assert returns 2M
					    assert RssAnon == 2M""");
			assertEquals(Verdict.PASS, r.status(), r.message());
		}

		@Test
		void aReadPastEofIsShort() {
			passes("""
					    file data.bin size 1M
					    mmap anon 2M as buf
					    read O_DIRECT data.bin offset 512K length 1M into buf
					    assert returns 512K""");
		}

		@Test
		void directIoAlignment() {
			passes("""
					    file data.bin size 1M
					    mmap anon 1M as buf
					    read O_DIRECT data.bin length 512B into buf at 1B
					    assert fails EINVAL
					    read O_DIRECT data.bin length 512B into buf at 512B
					    assert returns 512B
					    read data.bin length 100B into buf at 1B
					    assert returns 100B""");
		}

		@Test
		void buffered_writesDirtyTheCacheAndDirectWritesDoNot() {
			passes("""
					    file out.bin size 4M
					    mmap anon 4M as buf
					    write to buf
					    checkpoint written
					    write out.bin from buf
					    assert returns 4M
					    assert meminfo Dirty increased by 4M since written
					    write O_DIRECT out.bin from buf
					    assert returns 4M""");
		}

		@Test
		void copiesBetweenFiles() {
			passes("""
					    file a.bin size 1M
					    file b.bin size 1M
					    copy_file_range a.bin to b.bin
					    assert returns 1M
					    sendfile a.bin to b.bin
					    assert returns 1M
					    splice a.bin to b.bin
					    assert returns 1M""");
		}

		@Test
		void sendfileIntoADmaBufNeedsDmabufSplice() {
			passes("""
					    kernel baseline
					    file a.bin size 1M
					    alloc 1M from system heap as buf
					    sendfile a.bin to buf
					    assert fails EINVAL""");
			passes("""
					    kernel baseline with dmabuf_splice
					    file a.bin size 1M
					    alloc 1M from system heap as buf
					    sendfile a.bin to buf
					    assert returns 1M""");
		}

		@Test
		void allocAndReadMakesAFilledBuffer() {
			passes("""
					    kernel baseline with alloc_and_read
					    file model.bin size 8M
					    checkpoint empty
					    alloc_and_read model.bin from system heap as buf
					    assert dmabuf buf Size == 8M
					    assert meminfo Cached increased by 8M since empty""");
		}

		@Test
		void rwFileWritesFromTheBuffer() {
			passes("""
					    kernel baseline with rw_file
					    file out.bin size 2M
					    alloc 2M from system heap as buf
					    rw_file write out.bin from buf
					    assert returns 2M
					    assert no hazards""");
		}
	}

	@Nested
	class Processes {

		@Test
		void forkCopiesInsertedPagesIntoTheChild() {
			passes("""
					    kernel dmabuf_dio_mmap
					    alloc 2M from system heap as buf
					    mmap buf as view
					    fork as child
					    assert status child RssFile == 2M
					    assert smaps view Pss == 1M""");
		}

		@Test
		void statementsInAChildAndWhatExitLeaves() {
			passes("""
					    mmap anon 1M as heap
					    fork as child
					    in child {
					        write to heap
					        assert RssAnon == 1M
					    }
					    assert RssAnon == 0
					    wait child
					    assert no hazards""");
		}

		@Test
		void noStatementAfterExit() {
			ScenarioResult r = run("""
					    fork as child
					    exit child
					    in child {
					        mmap anon 1M
					    }""");
			assertEquals(Verdict.ERROR, r.status());
			assertTrue(r.message().contains("exited"), r.message());
		}

		@Test
		void stepsReportTheProcessThatRanThem() {
			ScenarioResult r = run("""
					    fork as child
					    in child {
					        mmap anon 4K as x
					    }""");
			assertEquals(Verdict.PASS, r.status(), r.message());
			assertTrue(!step(r, "mmap").process().equals(step(r, "fork").process()), r.steps().toString());
		}
	}

	@Nested
	class Expectations {

		@Test
		void anUnexpectedErrorFailsAtItsStep() {
			failsAt("""
					    kernel baseline
					    file model.bin size 1M
					    alloc 1M from system heap; mmap; read O_DIRECT model.bin
					    assert ok""", 5, 34, "read O_DIRECT model.bin failed with EFAULT, which no assertion expects");
		}

		@Test
		void theWrongErrno() {
			failsAt("""
					    kernel baseline
					    file model.bin size 1M
					    alloc 1M from system heap; mmap; read O_DIRECT model.bin
					    assert fails EINVAL""", 6, 8, "expected the step to fail with EINVAL, but it failed with EFAULT");
		}

		@Test
		void returnsComparesTheValue() {
			failsAt("""
					    file data.bin size 1M
					    mmap anon 1M as buf
					    read data.bin into buf
					    assert returns 2M""", 6, 8, "expected the step to return 2097152, but it returned 1048576");
		}

		@Test
		void rssUnchangedNamesWhatMoved() {
			failsAt("""
					    mmap anon 1M as heap
					    write to heap
					    assert rss unchanged""", 5, 8, "RssAnon grew by 1024 kB");
		}

		@Test
		void countersInEveryViewAndEveryComparison() {
			passes("""
					    mmap anon 1M as heap
					    write to heap
					    assert RssAnon == 1024kB
					    assert RssAnon >= 1M
					    assert RssAnon < 2M
					    assert RssAnon != 0
					    assert status VmRSS increased by 1M
					    assert meminfo AnonPages increased by 1M
					    assert smaps heap Anonymous == 1M
					    munmap heap
					    assert meminfo AnonPages unchanged""");
		}

		@Test
		void timeOfLabelledSteps() {
			passes("""
					    file data.bin size 64M
					    mmap anon 64M as buf
					    direct: read O_DIRECT data.bin into buf
					    drop caches
					    buffered: read data.bin into buf
					    assert time(direct) < time(buffered)
					    assert time(direct) > 10ms""");
			failsAt("""
					    file data.bin size 64M
					    mmap anon 64M as buf
					    read data.bin into buf
					    assert time < 1ms""", 6, 8, "ms");
		}

		@Test
		void vmstatCountsPagesAndEventsUnderTheKernelsNames() {
			passes("""
					    file data.bin size 64M
					    mmap anon 64M as buf
					    checkpoint empty
					    read O_DIRECT data.bin into buf
					    assert vmstat pgpgin increased by 65536 since empty
					    assert vmstat nr_file_pages unchanged since empty
					    read data.bin into buf
					    assert vmstat pgpgin increased by 131072 since empty
					    assert vmstat nr_file_pages increased by 16384 since empty
					    assert vmstat pgmajfault == 0
					    assert vmstat allocstall == 0""");
		}

		@Test
		void vmstatShowsTheDirectReclaimOfABufferedReadUnderPressure() {
			ScenarioResult r = s.runBody("""
					    device qemu_virtio { kswapd_speed 10 }
					    file data.bin size 1G
					    mmap anon 1G as buf
					    write to buf
					    stress eat 700M
					    checkpoint eaten
					    read O_DIRECT data.bin into buf
					    assert vmstat allocstall unchanged since eaten
					    read data.bin into buf
					    assert vmstat allocstall > 0
					    assert vmstat pgsteal_direct > 0""");
			assertEquals(Verdict.PASS, r.status(), r.message());
			failsAt("""
					    mmap anon 4K
					    assert vmstat pgfault == 5""", 4, 8, "pgfault is 0, expected == 5");
		}

		@Test
		void hazardAssertions() {
			failsAt("""
					    kernel dmabuf_dio_mmap
					    alloc 1M from system heap; mmap
					    assert no hazards""", 5, 8, "dmabuf_in_rss");
		}
	}

	@Nested
	class Structure {

		private List<ScenarioResult> runFile(String text) {
			Resource r = s.parse("m.dmabuf", text);
			List<String> errors = s.issues(r).stream().filter(x -> x.startsWith("ERROR")).toList();
			assertEquals(List.of(), errors);
			return s.run(r);
		}

		@Test
		void aMatrixOverKernelsAndRounds() {
			List<ScenarioResult> results = runFile("""
					scenario "m" {
					    for k in [baseline, dmabuf_dio]
					    rounds 2
					    device qemu_virtio
					    kernel $k
					    file model.bin size 1M
					    alloc 1M from system heap; mmap; read O_DIRECT model.bin
					    assert fails EFAULT
					}
					""");
			assertEquals(4, results.size());
			assertEquals(List.of(Map.of("k", "baseline"), Map.of("k", "baseline"), Map.of("k", "dmabuf_dio"), Map.of("k", "dmabuf_dio")),
					results.stream().map(ScenarioResult::params).toList());
			assertEquals(List.of(1, 2, 1, 2), results.stream().map(ScenarioResult::round).toList());
			assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.FAIL),
					results.stream().map(ScenarioResult::status).toList());
		}

		@Test
		void aCancelledRunStopsBeforeTheNextInstance() {
			Resource r = s.parse("c.dmabuf", """
					scenario "c" {
					    rounds 3
					    device qemu_virtio
					    mmap anon 4K
					}
					""");
			int[] asked = { 0 };
			List<ScenarioResult> results = new ScenarioRunner().run("c.dmabuf", (Model) r.getContents().get(0), () -> asked[0]++ >= 2);
			assertEquals(List.of(1, 2), results.stream().map(ScenarioResult::round).toList());
		}

		@Test
		void aMatrixOverADeviceParameter() {
			List<ScenarioResult> results = runFile("""
					scenario "ra" {
					    for ra in [128K, 16M]
					    device phone_16g_ufs40 { readahead $ra }
					    file model.bin size 256M
					    mmap anon 256M as buf
					    write to buf
					    time read model.bin into buf
					    assert returns 256M
					}
					""");
			assertEquals(List.of(Map.of("ra", "128K"), Map.of("ra", "16M")), results.stream().map(ScenarioResult::params).toList());
			assertTrue(results.stream().allMatch(ScenarioResult::passed), results::toString);
			// 16 MiB windows keep many requests in flight: the same read is faster
			long small = results.get(0).timeNs();
			long large = results.get(1).timeNs();
			assertTrue(large < 0.9 * small, "128K: " + small + " ns, 16M: " + large + " ns");
		}

		@Test
		void skipAndXfail() {
			List<ScenarioResult> results = runFile("""
					scenario "m" {
					    for k in [baseline, dmabuf_dio_mmap]
					    xfail "upstream refuses O_DIRECT into a pfn map" if $k == baseline
					    skip "not on this kernel" if $k == dmabuf_dio_mmap
					    device qemu_virtio
					    kernel $k
					    file model.bin size 1M
					    alloc 1M from system heap; mmap; read O_DIRECT model.bin
					    assert ok
					}

					scenario "xfail that passes" {
					    xfail "known"
					    device qemu_virtio
					    mmap anon 4K
					}
					""");
			assertEquals(List.of(Verdict.XFAIL, Verdict.SKIP, Verdict.FAIL), results.stream().map(ScenarioResult::status).toList());
			assertTrue(results.get(0).message().startsWith("upstream refuses O_DIRECT into a pfn map"), results.get(0).message());
			assertEquals("not on this kernel", results.get(1).message());
			assertTrue(results.get(2).message().contains("but passed"), results.get(2).message());
		}

		@Test
		void fragmentsWithParameters() {
			List<ScenarioResult> results = runFile("""
					fragment load(file f, mapping m, size n) {
					    read O_DIRECT f length $n into m
					    assert returns $n
					}

					scenario "m" {
					    device qemu_virtio
					    file model.bin size 4M
					    mmap anon 4M as view
					    use load(model.bin, view, 2M)
					    assert RssAnon == 2M
					}
					""");
			assertEquals(Verdict.PASS, results.get(0).status(), results.get(0).message());
		}

		@Test
		void aFailureInsideAFragmentPointsAtTheFragmentsStatement() {
			List<ScenarioResult> results = runFile("""
					fragment load(file f, mapping m, size n) {
					    read O_DIRECT f length $n into m
					    assert returns 1M
					}

					scenario "m" {
					    device qemu_virtio
					    file model.bin size 4M
					    mmap anon 4M as view
					    use load(model.bin, view, 2M)
					}
					""");
			ScenarioResult r = results.get(0);
			assertEquals(Verdict.FAIL, r.status());
			assertEquals(3, r.line(), r.message());
		}
	}

	@Nested
	class Budgets {

		private ScenarioResult runWith(Budget budget, String body) {
			Resource r = s.parse("b.dmabuf", "scenario \"b\" {\n    device qemu_virtio\n" + body + "\n}\n");
			return new ScenarioRunner(budget).run("b.dmabuf", (Model) r.getContents().get(0)).get(0);
		}

		/** A budget with the default wall-clock limit (a test never comes near it). */
		private static Budget budget(long steps, long simulatedNs, long work) {
			return Budget.DEFAULT.withLimits(steps, simulatedNs, work);
		}

		/** Runs {@code body} under {@code budget}, which must stop it with an error at line 5; returns the message. */
		private String stoppedAtLine5(Budget budget, String body) {
			ScenarioResult r = runWith(budget, body);
			assertEquals(Verdict.ERROR, r.status(), r.message());
			assertEquals(5, r.line(), r.message());
			return r.message();
		}

		@Test
		void theStepBudgetStopsAScenarioWithAnError() {
			assertEquals("step budget exceeded (3 steps)",
					stoppedAtLine5(budget(3, Budget.DEFAULT.maxSimulatedNs(), Budget.DEFAULT.maxWork()), """
							    mmap anon 4K
							    mmap anon 4K
							    mmap anon 4K
							    mmap anon 4K"""));
		}

		@Test
		void theSimulatedTimeBudget() {
			assertEquals("simulated time budget exceeded",
					stoppedAtLine5(budget(1000, 1_000_000_000L, Budget.DEFAULT.maxWork()), """
							    mmap anon 4K
							    sleep 2s
							    mmap anon 4K"""));
		}

		@Test
		void theWorkBudgetStopsALongStep() {
			String message = stoppedAtLine5(budget(1000, Budget.DEFAULT.maxSimulatedNs(), 10), """
					    file data.bin size 1G
					    mmap anon 1G as buf
					    read data.bin in chunks of 4K into buf""");
			assertTrue(message.contains("more than 10 steps of work"), message);
		}
	}
}
