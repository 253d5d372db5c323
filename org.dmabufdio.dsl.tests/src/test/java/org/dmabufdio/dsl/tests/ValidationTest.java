package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * Validation, asserted as text: severity, message and line:column. The scenario body starts on
 * line 2 (line 1 is {@code scenario "t" {}); text blocks lose their common indentation.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class ValidationTest {

	@Inject
	private Injector injector;

	private Scenarios s;

	@BeforeEach
	void setUp() {
		s = new Scenarios(injector);
	}

	private void expect(String body, String... issues) {
		assertEquals(List.of(issues), s.issuesOfBody(body));
	}

	@Test
	void theCardLineIsValid() {
		expect("""
				    kernel dmabuf_dio
				    file model.bin size 3G
				    alloc 3G from system heap; mmap insert_page; read O_DIRECT model.bin; fork; assert rss unchanged""");
	}

	@Test
	void aSizeNeedsAUnit() {
		expect("    alloc 3 from system heap",
				"ERROR 'size '3' needs a unit: 3B, 3K, 3M, 3G or 3T (binary, as the kernel's memparse)' at 2:11");
	}

	@Test
	void vmstatCountsAreNumbersWithoutUnits() {
		expect("    mmap anon 4K\n    assert vmstat pgfault > 10\n    assert vmstat allocstall < 2M",
				"ERROR 'vmstat counts pages and events: write a plain number, not '2M'' at 4:32");
	}

	/** Xtext's name converter throws on an empty name: the validator names the problem instead. */
	@Test
	void aFileNeedsANonEmptyName() {
		expect("    file \"\" size 4K\n    mmap anon 4K",
				"ERROR 'a file needs a name: \"\" is empty' at 2:10");
	}

	@Test
	void zeroNeedsNoUnit() {
		expect("    mmap anon 1M\n    assert smaps Rss == 0");
	}

	@Test
	void aNameUsedBeforeItsDefinition() {
		expect("    mmap view\n    alloc 3G from system heap as view", "ERROR ''view' is used before its definition at line 3' at 2:10");
	}

	@Test
	void anUnknownName() {
		expect("    mmap anon 1M\n    munmap nothere", "ERROR 'unknown mapping 'nothere'' at 3:12");
	}

	@Test
	void aNameOfTheWrongKind() {
		expect("    alloc 1M from system heap as b\n    munmap b", "ERROR 'unknown mapping 'b'' at 3:12");
	}

	@Test
	void duplicateNames() {
		expect("    alloc 1G from system heap as b\n    alloc 1G from system heap as b",
				"ERROR ''b' is already declared at line 2' at 3:34");
	}

	@Test
	void unknownKernelAndFeature() {
		expect("    kernel foo with bar",
				"ERROR 'unknown kernel 'foo'; known kernels: baseline, dmabuf_dio_mmap, dmabuf_dio' at 2:12",
				"ERROR 'unknown kernel feature 'bar'; known features: dmabuf_dio_mmap, vm_dmabuf_dio, alloc_and_read, rw_file, dmabuf_splice, page_pool' at 2:21");
	}

	@Test
	void unknownDevice() {
		expect("    device nope",
				"ERROR 'unknown device 'nope'; known devices: phone_16g_ufs40, phone_12g_ufs40, server_nvme, qemu_virtio' at 2:12");
	}

	@Test
	void deviceSettingsAreCheckedAgainstTheirUnits() {
		expect("    device phone_16g_ufs40 { readahead 16 }",
				"ERROR 'readahead is a size: write it with a unit, like 16K' at 2:40");
		expect("    device phone_16g_ufs40 { read_bandwidth 2.1G }",
				"ERROR 'read_bandwidth is a bandwidth, like 2.1G/s, not 2.1G' at 2:45");
		expect("    device phone_16g_ufs40 { bogus 1 }",
				"ERROR 'unknown device parameter 'bogus'; see docs/timing-model.md for the list' at 2:30");
	}

	@Test
	void aDeviceSettingFromAParameterIsCheckedForEveryValueItTakes() {
		expect("    for ra in [128K, 16M]\n    device phone_16g_ufs40 { readahead $ra }");
		expect("    for ra in [128K, 16]\n    device phone_16g_ufs40 { readahead $ra }",
				"ERROR '$ra = 16: readahead is a size: write it with a unit, like 16K' at 3:40");
	}

	@Test
	void aDeviceDefinitionHasNoParameters() {
		assertEquals(List.of("ERROR 'a device definition has no $parameters: set 'readahead' where the device is used' at 1:46"),
				s.issues(s.parse("def.dmabuf", """
						device fast from phone_16g_ufs40 { readahead $ra }
						""")));
	}

	@Test
	void directIoMisalignmentNamesTheKernelRule() {
		expect("""
				    file m.bin size 1G
				    alloc 1G from system heap; mmap as v
				    read O_DIRECT m.bin offset 1B into v""",
				"WARNING 'O_DIRECT offset 1B is not a multiple of 4K: iomap_dio_bio_iter() refuses it with EINVAL' at 4:28");
	}

	@Test
	void directIoMisalignmentThatIsExpectedIsNotFlagged() {
		expect("""
				    file m.bin size 1G
				    alloc 1G from system heap; mmap as v
				    read O_DIRECT m.bin offset 1B into v
				    assert fails EINVAL""");
	}

	@Test
	void f2fsFallbackIsNamed() {
		expect("""
				    device qemu_virtio
				    file m.bin size 1G on f2fs
				    alloc 1G from system heap; mmap as v
				    read O_DIRECT m.bin offset 512B into v""",
				"WARNING 'O_DIRECT offset 512B is not a multiple of the f2fs block size 4K: f2fs_should_use_dio() silently falls back to buffered I/O' at 5:28");
	}

	@Test
	void readPastTheMapping() {
		expect("""
				    file m.bin size 4G
				    alloc 1G from system heap; mmap as v
				    read m.bin into v""",
				"WARNING 'reading 4G into a mapping of 1G goes past its end: the read stops short with EFAULT there' at 4:17");
	}

	@Test
	void sizesBeyondTheDevicesRam() {
		expect("    alloc 20G from system heap",
				"WARNING 'alloc of 20G is beyond the device's 16G of RAM: it will fail with ENOMEM' at 2:11");
		expect("    alloc 20G from system heap\n    assert fails ENOMEM");
		expect("    alloc 1P from system heap",
				"WARNING 'alloc of 1P is beyond the device's 16G of RAM: it will fail with ENOMEM' at 2:11");
		expect("    file big.bin size 3E");
		expect("    file big.bin size 4E", "ERROR '4E is beyond the 2^62 bytes a scenario can name' at 2:23");
	}

	@Test
	void aDurationNeedsAUnit() {
		expect("    sleep 5", "ERROR 'duration '5' needs a unit: 5ns, 5us, 5ms or 5s' at 2:11");
		expect("    sleep 2s\n    assert time < 1.5", "ERROR 'duration '1.5' needs a unit: 1.5ns, 1.5us, 1.5ms or 1.5s' at 3:19");
		expect("    sleep 2s\n    assert time < 1.5s");
	}

	@Test
	void syntaxErrorsSayWhatWasExpectedInWords() {
		expect("    skip", "ERROR 'missing a quoted string at '}'' at 3:1");
		expect("    sleep 1s 2s", "ERROR 'unexpected '2s': expecting '}'' at 2:14");
		assertEquals("unexpected '5' here",
				org.dmabufdio.dsl.validation.DmabufSyntaxErrorMessageProvider.readable("no viable alternative at input '5'"));
		assertEquals("the quoted string is not closed before the end of the file",
				org.dmabufdio.dsl.validation.DmabufSyntaxErrorMessageProvider.readable("mismatched character '<EOF>' expecting '\"'"));
		assertEquals("the file ends where '}' was expected",
				org.dmabufdio.dsl.validation.DmabufSyntaxErrorMessageProvider.readable("mismatched input '<EOF>' expecting '}'"));
	}

	@Test
	void anUnknownParameterNamesTheKnownOnes() {
		expect("    for s in [1G, 2G]\n    stress eat $t", "ERROR 'unknown parameter '$t'; known here: $s' at 3:16");
		expect("    stress eat $t", "ERROR 'unknown parameter '$t'; nothing here has parameters' at 2:16");
	}

	@Test
	void statementsOnOneLineNeedASemicolon() {
		expect("    alloc 1G from system heap mmap", "ERROR 'two statements on one line need a ';' between them' at 2:31");
	}

	@Test
	void stepsAfterExit() {
		expect("    exit\n    alloc 1G from system heap",
				"ERROR 'this step comes after the process that runs it exited (line 2)' at 3:5");
	}

	@Test
	void assertionsAndMachineStepsAfterExitLookAtWhatItLeft() {
		expect("    exit\n    drop caches\n    assert no hazards\n    mmap anon 4K",
				"ERROR 'this step comes after the process that runs it exited (line 2)' at 5:5");
	}

	@Test
	void directivesComeFirst() {
		expect("    alloc 1G from system heap\n    rounds 3", "ERROR 'rounds must come before the scenario's other steps' at 3:5");
	}

	@Test
	void kernelBeforeTheMachineIsUsed() {
		expect("    alloc 1G from system heap\n    kernel baseline",
				"ERROR 'kernel must come before the first step that uses the machine (line 2)' at 3:5");
	}

	@Test
	void assertionsThatCanNeverBeEvaluated() {
		expect("    assert ok", "ERROR 'this assertion looks at the last step's outcome, but no step before it has one' at 2:12");
		expect("    assert smaps Rss == 0", "ERROR 'there is no mapping yet: mmap one before, or name one' at 2:12");
	}

	@Test
	void statementsWithoutANameNeedSomethingBefore() {
		expect("    mmap", "ERROR 'mmap needs a buffer: alloc one before, or name what to map' at 2:5");
		expect("    file m.bin size 1M\n    read m.bin", "ERROR 'read needs a mapping to read into: mmap one before, or name one' at 3:5");
	}

	@Test
	void unknownErrnoHazardFlagAndCounter() {
		expect("    mmap anon 1M\n    assert fails EWHAT",
				"ERROR 'unknown errno 'EWHAT'; the simulator returns EACCES, EAGAIN, EBADF, EBUSY, EEXIST, EFAULT, EFBIG, EINTR, EINVAL, EIO, ENODEV, ENOENT, ENOMEM, ENOSPC, ENOSYS, ENOTTY, EOPNOTSUPP, EOVERFLOW, EPERM, ESPIPE, EXDEV' at 3:18");
		expect("    mmap anon 1M\n    assert hazard nope",
				"ERROR 'unknown hazard 'nope'; known hazards: pinned_dmabuf_page, pinned_at_release, dmabuf_in_rss, dmabuf_rmap, bad_rss_counter, kernel_bug, oom' at 3:19");
		expect("    mmap anon 1M\n    assert smaps VmFlags contains zz",
				"ERROR ''zz' is not a VmFlags mnemonic (rd wr sh mr mw me ms pf io de dd mm ...)' at 3:35");
		expect("    mmap anon 1M\n    assert status Pss unchanged",
				"ERROR ''Pss' is not a counter of this view; it has VmSize, VmHWM, VmRSS, RssAnon, RssFile, RssShmem, VmSwap' at 3:19");
	}

	@Test
	void importCyclesAndMissingImports() {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		Resource a = s.parse(rs, "a.dmabuf", "import \"b.dmabuf\"\nfile common.bin size 1G\n");
		s.parse(rs, "b.dmabuf", "import \"a.dmabuf\"\n");
		assertEquals(List.of("ERROR 'import cycle: a.dmabuf -> b.dmabuf -> a.dmabuf' at 1:8"), s.issues(a));
		Resource c = s.parse(rs, "c.dmabuf", "import \"nowhere.dmabuf\"\n");
		assertEquals(List.of("ERROR 'cannot import \"nowhere.dmabuf\": no scenario file there' at 1:8"), s.issues(c));
	}

	@Test
	void importedFilesAndFragmentsAreVisible() {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		s.parse(rs, "common.dmabuf", """
				file model.bin size 64M
				fragment load(buffer b, mapping m) {
				    read O_DIRECT model.bin into m
				}
				""");
		Resource user = s.parse(rs, "user.dmabuf", """
				import "common.dmabuf"
				scenario "uses imports" {
				    alloc 64M from system heap as buf; mmap buf insert_page as view
				    use load(buf, view)
				}
				""");
		assertEquals(List.of(), s.issues(user));
	}

	/** Found by the JUnit engine's tests: a half-parsed fragment imported made the importer's run crash. */
	@Test
	void anImportedFileThatDoesNotParseIsAnErrorAtTheImport() {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		s.parse(rs, "steps.dmabuf", """
				fragment map(size) {
				    mmap anon $size
				}
				""");
		Resource user = s.parse(rs, "user.dmabuf", """
				import "steps.dmabuf"
				scenario "uses it" {
				    use map(4K)
				}
				""");
		List<String> issues = s.issues(user);
		assertEquals(1, issues.stream().filter(i -> i.startsWith("ERROR 'cannot import \"steps.dmabuf\": it does not parse (")
				&& i.contains("the first at 1:18: ") && i.endsWith("at 1:8")).count(), issues.toString());
	}

	@Test
	void fragmentArguments() {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		Resource r = s.parse(rs, "f.dmabuf", """
				fragment f(mapping m, size n) {
				    touch m length $n
				}
				scenario "t" {
				    alloc 1M from system heap as b
				    use f(b, 4K)
				    use f(b)
				}
				""");
		assertEquals(List.of("ERROR 'm is a mapping, and 'b' is a buffer' at 6:11", "ERROR 'f takes 2 arguments, not 1' at 7:9"),
				s.issues(r));
	}
}
