package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dmabufdio.dsl.formatting2.Formatting;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** The canonical format: every shared file is in it, messy text gets there, and stays there. */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class FormatterTest {

	@Inject
	private Injector injector;
	@Inject
	private Formatting formatting;

	private String format(String text) {
		return formatting.format((XtextResource) new Scenarios(injector).parse("f.dmabuf", text));
	}

	static List<Path> files() throws IOException {
		return Scenarios.files();
	}

	@ParameterizedTest
	@MethodSource("files")
	void everySharedFileIsCanonical(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertEquals(text, format(text));
	}

	/** Found by the fuzzer: formatting a file without a model threw. */
	@Test
	void aFileOfNothingButWhitespaceAndCommentsStaysAsItIs() {
		assertEquals("", format(""));
		assertEquals("// nothing yet\n\n", format("// nothing yet\n\n"));
	}

	@Test
	void messyTextBecomesCanonical() {
		String messy = """
				import   "common.dmabuf"
				scenario   "x"[a ,b]{
				  kernel   dmabuf_dio
				file model.bin size 3G



				    alloc 3G from system heap;mmap insert_page ;  read O_DIRECT model.bin;fork;assert rss unchanged
				 in app { write to view ;exit }
				dio:read O_DIRECT model.bin into view
				 assert time( dio ) < 0.8*time(dio)
				}
				scenario "y" { device phone_16g_ufs40 {readahead 16M} }""";
		String canonical = """
				import "common.dmabuf"

				scenario "x" [a, b] {
				    kernel dmabuf_dio
				    file model.bin size 3G

				    alloc 3G from system heap; mmap insert_page; read O_DIRECT model.bin; fork; assert rss unchanged
				    in app { write to view; exit }
				    dio: read O_DIRECT model.bin into view
				    assert time(dio) < 0.8 * time(dio)
				}

				scenario "y" {
				    device phone_16g_ufs40 { readahead 16M }
				}
				""";
		assertEquals(canonical, format(messy));
	}

	@Test
	void blocksWrittenOverSeveralLinesAreIndented() {
		String text = """
				fragment load(file f, mapping m) {
				read O_DIRECT f into m
				}
				scenario "z" {
				fork as child
				in child {
				write to view
				    exit
				}
				}
				""";
		assertEquals("""
				fragment load(file f, mapping m) {
				    read O_DIRECT f into m
				}

				scenario "z" {
				    fork as child
				    in child {
				        write to view
				        exit
				    }
				}
				""", format(text));
	}

	@Test
	void commentsStayWhereTheyAre() {
		String text = """
				// a file comment

				/** The doc comment of x. */
				scenario "x" {
				    kernel baseline // the upstream kernel
				    // before the file
				    file model.bin size 1G
				}
				""";
		assertEquals(text, format(text));
	}

	@Test
	void formattingIsIdempotent() throws IOException {
		for (Path file : files()) {
			String once = format(Files.readString(file, StandardCharsets.UTF_8).replace("    ", "  ").replace(" ", "   "));
			assertEquals(once, format(once), file.toString());
		}
	}
}
