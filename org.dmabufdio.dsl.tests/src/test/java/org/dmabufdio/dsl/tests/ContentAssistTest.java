package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dmabufdio.dsl.ide.contentassist.Completions;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * Content assist through the IDE services: each test writes a file with the cursor at '|' and
 * asserts what is proposed there, as the editor and the language server would show it.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class ContentAssistTest {

	@Inject
	private Injector injector;

	@Inject
	private Completions completions;

	private Scenarios s;

	@BeforeEach
	void setUp() {
		s = new Scenarios(injector);
	}

	private List<ContentAssistEntry> at(String textWithCursor) {
		int offset = textWithCursor.indexOf('|');
		String text = textWithCursor.substring(0, offset) + textWithCursor.substring(offset + 1);
		XtextResource r = (XtextResource) s.parse("ca.dmabuf", text);
		return completions.at(r, text, offset);
	}

	private List<String> proposed(String textWithCursor) {
		return at(textWithCursor).stream().map(ContentAssistEntry::getProposal).toList();
	}

	private static String body(String lines) {
		return "scenario \"t\" {\n" + lines + "\n}\n";
	}

	@Test
	void kernelVariantsWithTheirDescriptions() {
		List<ContentAssistEntry> entries = at(body("    kernel |"));
		assertEquals(List.of("baseline", "dmabuf_dio", "dmabuf_dio_mmap"),
				entries.stream().map(ContentAssistEntry::getProposal).filter(p -> !p.startsWith("$")).sorted().toList());
		ContentAssistEntry patch1 = entries.stream().filter(e -> e.getProposal().equals("dmabuf_dio_mmap")).findFirst().orElseThrow();
		assertEquals("seed patch 1 alone: vm_insert_page(), accounting unchanged", patch1.getDescription());
	}

	@Test
	void aPrefixNarrowsTheVariants() {
		assertEquals(List.of("dmabuf_dio", "dmabuf_dio_mmap"), proposed(body("    kernel dma|")).stream().sorted().toList());
	}

	@Test
	void featuresAfterWith() {
		List<String> p = proposed(body("    kernel baseline with |"));
		assertTrue(p.containsAll(List.of("alloc_and_read", "rw_file", "dmabuf_splice")), p.toString());
	}

	@Test
	void statementKeywordsAtTheStartOfALine() {
		List<String> p = proposed(body("    |"));
		assertTrue(p.containsAll(List.of("alloc", "mmap", "read", "fork", "assert", "kernel", "file")), p.toString());
		assertFalse(p.contains("VmFlags"), "keywords that can only follow another word are not proposed: " + p);
		assertFalse(p.contains("name"), "no placeholder for a step's label among the keywords: " + p);
	}

	/** Each statement keyword shows what the statement takes, as docs/language.md writes it (issue 16). */
	@Test
	void keywordsShowTheirStatementFromTheLanguageReference() throws Exception {
		java.util.Map<String, String> described = new java.util.HashMap<>();
		at(body("    |")).forEach(e -> described.put(e.getProposal(), e.getDescription()));
		assertEquals("alloc SIZE from system|cma heap [as NAME]", described.get("alloc"));
		assertEquals("fork [as NAME]", described.get("fork"));
		String reference = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/language.md"));
		for (String keyword : List.of("alloc", "mmap", "read", "fork", "kernel", "file", "memfd", "touch", "checkpoint")) {
			String syntax = described.get(keyword);
			assertTrue(syntax != null && reference.contains("| `" + syntax.replace("|", "\\|") + "`"), keyword + ": " + syntax);
		}
	}

	@Test
	void namesOfBuffersForMmap() {
		List<String> p = proposed(body("    alloc 1M from system heap as weights\n    alloc 1M from cma heap as frames\n    mmap |"));
		assertTrue(p.containsAll(List.of("weights", "frames")), p.toString());
	}

	@Test
	void onlyMappingsWhereAMappingIsMeant() {
		List<String> p = proposed(body("    alloc 1M from system heap as buf\n    mmap buf as view\n    munmap |"));
		assertTrue(p.contains("view"), p.toString());
		assertFalse(p.contains("buf"), "a buffer is not a mapping: " + p);
	}

	@Test
	void filesForRead() {
		List<String> p = proposed(body("    file model.bin size 1M\n    alloc 1M from system heap\n    mmap\n    read O_DIRECT |"));
		assertTrue(p.contains("model.bin"), p.toString());
	}

	@Test
	void errnosAfterFails() {
		List<String> p = proposed(body("    assert fails E|"));
		assertTrue(p.containsAll(List.of("EFAULT", "EINVAL", "ENOMEM")), p.toString());
	}

	@Test
	void meminfoCountersAfterMeminfo() {
		List<String> p = proposed(body("    assert meminfo |"));
		assertTrue(p.containsAll(List.of("MemAvailable", "Mapped", "Cached")), p.toString());
		assertFalse(p.contains("RssFile"), "RssFile is a status field: " + p);
	}

	@Test
	void vmstatFieldsAfterVmstat() {
		List<String> p = proposed(body("    assert vmstat |"));
		assertTrue(p.containsAll(List.of("allocstall", "pgsteal_direct", "nr_dirty", "pgpgin")), p.toString());
	}

	@Test
	void hazardsWithTheirDescriptions() {
		List<ContentAssistEntry> entries = at(body("    assert hazard |"));
		ContentAssistEntry e = entries.stream().filter(x -> x.getProposal().equals("pinned_dmabuf_page")).findFirst().orElseThrow();
		assertEquals("GUP pinned a page the dma-buf exporter owns", e.getDescription());
	}

	@Test
	void devicesAndTheirParameters() {
		assertTrue(proposed(body("    device |")).containsAll(List.of("phone_16g_ufs40", "phone_12g_ufs40", "server_nvme")));
		assertTrue(proposed(body("    device phone_16g_ufs40 { |")).contains("readahead"));
	}

	@Test
	void vmFlagsMnemonics() {
		List<String> p = proposed(body("    alloc 1M from system heap\n    mmap as view\n    assert smaps view VmFlags contains |"));
		assertTrue(p.containsAll(List.of("pf", "io", "mm", "rd")), p.toString());
	}

	@Test
	void heapsAfterFrom() {
		assertEquals(List.of("cma", "system"), proposed(body("    alloc 3G from |")).stream().sorted().toList());
	}

	@Test
	void whatMayFollowAMappedBuffer() {
		List<String> p = proposed(body("    alloc 1M from system heap as buf\n    mmap buf |"));
		assertTrue(p.containsAll(List.of("insert_page", "remap_pfn", "shared", "private", "offset", "length", "as")), p.toString());
		assertFalse(p.contains(";"), "punctuation is not proposed: " + p);
	}
}
