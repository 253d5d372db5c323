package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.dmabufdio.dsl.ide.hover.HoverTexts;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * Hovers through the IDE services: each test hovers at the '|' of a file and asserts the text
 * shown, as the editor and the language server would show it.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class HoverTest {

	@Inject
	private Injector injector;

	@Inject
	private HoverTexts hovers;

	private static final String FILE = """
			/** Reads a file into a mapping with O_DIRECT. */
			fragment load(file f, mapping m) {
			    read O_DIRECT f into m
			}

			/** The card line, with patches 1 and 2. */
			scenario "card" {
			    for ra in [128K, 16M]
			    device phone_16g_ufs40 { readahead $ra }
			    kernel dmabuf_dio with alloc_and_read
			    file model.bin size 16M
			    alloc 16M from system heap; mmap as view
			    use load(model.bin, view)
			    read model.bin into view
			    assert fails EFAULT
			    assert no hazard pinned_dmabuf_page
			}
			""";

	/** The hover where {@code marker} (with a '|' in it) stands in FILE, or "" for none. */
	private String at(String marker) {
		int offset = FILE.indexOf(marker.replace("|", "")) + marker.indexOf('|');
		XtextResource r = (XtextResource) new Scenarios(injector).parse("h.dmabuf", FILE);
		Optional<HoverTexts.Hovered> h = hovers.at(r, offset);
		return h.map(HoverTexts.Hovered::text).orElse("");
	}

	@Test
	void wordsTheSimulatorKnowsSayWhatTheyMean() {
		assertEquals("kernel dmabuf_dio: seed patches 1 and 2: vm_insert_page() and VM_DMABUF_DIO", at("dmabuf_|dio with"));
		assertEquals("errno EFAULT: Bad address (14)", at("EFA|ULT"));
		assertEquals("kernel feature alloc_and_read: " + org.dmabufdio.dsl.util.Vocabulary.features().get("alloc_and_read"),
				at("alloc_and_|read\n"));
		assertEquals("device parameter readahead: read_ahead_kb of the data partition", at("{ read|ahead"));
		assertEquals("hazard pinned_dmabuf_page: GUP pinned a page the dma-buf exporter owns", at("pinned_|dmabuf_page"));
		assertEquals("device phone_16g_ufs40: " + org.dmabufdio.runtime.devices.DeviceProfiles.get("phone_16g_ufs40").description(),
				at("phone_|16g"));
	}

	@Test
	void aFragmentShowsItsDeclarationAndDocWhereItIsUsed() {
		assertEquals("fragment load(file f, mapping m)\n\nReads a file into a mapping with O_DIRECT.", at("use lo|ad("));
		assertEquals(at("use lo|ad("), at("fragment lo|ad("));
		assertEquals("mapping parameter m of fragment load", at("into |m\n"));
	}

	@Test
	void aScenarioShowsItsDocAndAParameterItsValues() {
		assertEquals("scenario \"card\"\n\nThe card line, with patches 1 and 2.", at("\"ca|rd\""));
		assertEquals("for ra in [128K, 16M]", at("$r|a"));
	}

	@Test
	void keywordsAndSizesHaveNoHover() {
		assertEquals("", at("ker|nel dmabuf_dio"));
		assertEquals("", at("size 1|6M"));
	}
}
