package org.dmabufdio.bench;

import java.util.List;

import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Large suite files for the language's benchmarks, and the work {@code ./dmabufdio run} does on
 * them before anything runs: parse, link, validate. Made here rather than read from scenarios/,
 * so the size is exact and the bench needs no checkout.
 */
final class Suites {

	/** A scenario using most of the language: files, buffers, mappings, processes, blocks, checks (25 lines). */
	private static final String SCENARIO = """
			scenario "load %1$d" [bench, generated] {
			    for k in [baseline, dmabuf_dio]
			    device qemu_virtio
			    kernel $k
			    file model%1$d.bin size 64M
			    file out%1$d.bin size 4M
			    checkpoint before
			    alloc 64M from system heap as buf
			    mmap buf insert_page as view
			    read O_DIRECT model%1$d.bin into view
			    assert ok
			    assert rss unchanged since before
			    fork as child
			    in child {
			        touch view length 4M
			        write out%1$d.bin length 4M from view
			        exit
			    }
			    wait child
			    read_time: read model%1$d.bin length 1M into view
			    assert time(read_time) < 10s
			    assert meminfo Cached > 0
			    munmap view
			    free buf
			}
			""";

	private static Injector injector;

	private Suites() {
	}

	/** The language, set up once per JVM (not part of what is timed: a run sets it up once too). */
	static Injector language() {
		if (injector == null) {
			injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** About {@code lines} lines of separate scenarios. */
	static String manyScenarios(int lines) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; count(out) < lines; i++) {
			out.append(String.format(SCENARIO, i));
		}
		return out.toString();
	}

	/** One scenario of about {@code lines} lines, each name declared and used further down. */
	static String longScenario(int lines) {
		StringBuilder out = new StringBuilder("scenario \"long\" {\n    device qemu_virtio\n    file model.bin size 64M\n");
		for (int i = 0; count(out) < lines - 1; i++) {
			out.append(String.format("    alloc 1M from system heap as b%1$d%n    mmap b%1$d as m%1$d%n"
					+ "    read model.bin length 1M into m%1$d%n    munmap m%1$d%n    free b%1$d%n", i));
		}
		return out.append("}\n").toString();
	}

	/** Parses, links and validates {@code text} as a file of a suite; returns its lines. Throws if it has errors. */
	static long parseAndValidate(String text) {
		Injector injector = language();
		XtextResource r = ScenarioLoader.parse(injector.getInstance(XtextResourceSet.class), URI.createFileURI("/bench/suite.dmabuf"),
				text);
		List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
		for (Issue i : issues) {
			if (i.getSeverity() == Severity.ERROR) {
				throw new IllegalStateException("the generated suite has an error at " + i.getLineNumber() + ": " + i.getMessage());
			}
		}
		return count(text);
	}

	private static int count(CharSequence s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '\n') {
				n++;
			}
		}
		return n;
	}
}
