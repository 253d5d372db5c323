package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.interpreter.Instance;
import org.dmabufdio.dsl.interpreter.ScenarioRunner;
import org.dmabufdio.dsl.loading.InstanceLimit;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.Verdict;
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
 * A shared suite is untrusted input: what hostile files do is an error at their place or an
 * error verdict, never a crash, a hang or an exhausted JVM (the batch goes on).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class HostileInputTest {

	@Inject
	private Injector injector;

	private Scenarios s;

	@BeforeEach
	void setUp() {
		s = new Scenarios(injector);
	}

	private static final String RECURSIVE = """
			fragment f(size n) {
			    mmap anon $n
			    use g($n)
			}
			fragment g(size n) {
			    use f($n)
			}
			fragment h() {
			    use h()
			}
			scenario "r" {
			    device qemu_virtio
			    use f(4K)
			}
			""";

	@Test
	void aFragmentThatUsesItselfIsAnErrorNamingTheCycle() {
		assertEquals(List.of(
				"ERROR 'fragment f uses itself: f -> g -> f; a fragment may not use itself, directly or through others' at 3:9",
				"ERROR 'fragment g uses itself: g -> f -> g; a fragment may not use itself, directly or through others' at 6:9",
				"ERROR 'fragment h uses itself: h -> h; a fragment may not use itself, directly or through others' at 9:9"),
				s.issues(s.parse("r.dmabuf", RECURSIVE)));
	}

	@Test
	void theInterpreterStopsARecursionTheValidatorWasNotAskedAbout() {
		Resource r = s.parse("r.dmabuf", RECURSIVE);
		ScenarioResult result = new ScenarioRunner().run("r.dmabuf", (Model) r.getContents().get(0)).get(0);
		assertEquals(Verdict.ERROR, result.status());
		assertEquals("fragments call fragments more than 64 deep here (at f); that is the limit",
				result.message());
		assertEquals(6, result.line(), "at the use that went too deep");
	}

	@Test
	void instancesAreCountedBeforeAnyIsBuilt() {
		String text = """
				scenario "many" {
				    for k in [baseline, dmabuf_dio_mmap, dmabuf_dio, mmap_dio]
				    rounds 1000000000
				    mmap anon 4K
				}
				""";
		assertEquals(List.of("ERROR 'rounds 1000000000 × 4 k = 4000000000 instances; the limit is 10000 (--max-instances)' at 1:10"),
				s.issues(s.parse("m.dmabuf", text)));
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		InstanceLimit.set(rs, 5);
		assertEquals(List.of("ERROR 'rounds 2 × 3 k = 6 instances; the limit is 5 (--max-instances)' at 1:10"),
				s.issues(s.parse(rs, "m.dmabuf", "scenario \"few\" {\n    for k in [a, b, c]\n    rounds 2\n}\n")));
		// run without validation: one error result at once, not four billion instances
		Scenario many = (Scenario) ((Model) s.parse("m.dmabuf", text).getContents().get(0)).getElements().get(0);
		List<ScenarioResult> results = new ScenarioRunner().run("m.dmabuf", many);
		assertEquals(1, results.size());
		assertEquals(Verdict.ERROR, results.get(0).status());
		assertEquals(1, results.get(0).line());
	}

	@Test
	void instancesAreExpandedLazily() {
		StringBuilder text = new StringBuilder("scenario \"wide\" {\n");
		for (int d = 0; d < 12; d++) {
			text.append("    for d").append(d).append(" in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n");
		}
		Scenario wide = (Scenario) ((Model) s.parse("w.dmabuf", text + "}\n").getContents().get(0)).getElements().get(0);
		assertEquals(1_000_000_000_000L, Instance.count(wide));
		Iterator<Instance> it = Instance.expand(wide).iterator();
		it.next();
		assertEquals("{d0=1, d1=1, d2=1, d3=1, d4=1, d5=1, d6=1, d7=1, d8=1, d9=1, d10=1, d11=2}", it.next().paramsByName().toString());
	}

	@Test
	void aCrashOfTheSimulatorIsAnErrorVerdictAtItsStep() throws InterruptedException {
		int depth = 2000;
		String text = "scenario \"nested deeper than a small stack holds\" {\n    device qemu_virtio\n    fork as p\n"
				+ "    in p {\n".repeat(depth) + "    mmap anon 4K\n" + "    }\n".repeat(depth) + "}\n"
				+ "scenario \"next\" {\n    device qemu_virtio\n    mmap anon 4K\n}\n";
		AtomicReference<Resource> parsed = new AtomicReference<>();
		onThread(64 << 20, () -> parsed.set(s.parse("c.dmabuf", text)));
		AtomicReference<List<ScenarioResult>> results = new AtomicReference<>();
		// the interpreter walks nested blocks recursively: on a small stack it overflows inside a step
		onThread(256 << 10, () -> results.set(new ScenarioRunner().run("c.dmabuf", (Model) parsed.get().getContents().get(0))));
		List<ScenarioResult> out = results.get();
		assertEquals(2, out.size(), "the batch went on");
		assertEquals(Verdict.ERROR, out.get(0).status());
		assertEquals("the simulator ran out of stack here (nesting too deep)", out.get(0).message());
		assertTrue(out.get(0).line() > 3, "at a step inside the blocks: " + out.get(0).line());
		assertEquals(Verdict.PASS, out.get(1).status());
	}

	private static void onThread(long stackBytes, Runnable r) throws InterruptedException {
		Thread t = new Thread(null, r, "sized-stack", stackBytes);
		t.start();
		t.join();
	}

	@Test
	void aScenarioWhoseStateOutgrowsItsHeapShareIsAnError() {
		Resource r = s.parse("h.dmabuf", """
				scenario "h" {
				    device qemu_virtio
				    mmap anon 64M
				    touch
				}
				""");
		ScenarioResult result = new ScenarioRunner(Budget.DEFAULT.withMaxHeapShare(1e-6)).run("h.dmabuf",
				(Model) r.getContents().get(0)).get(0);
		assertEquals(Verdict.ERROR, result.status());
		assertTrue(result.message().startsWith("the simulated state needs more memory than the simulator may use"), result.message());
		ScenarioResult fine = new ScenarioRunner().run("h.dmabuf", (Model) r.getContents().get(0)).get(0);
		assertEquals(Verdict.PASS, fine.status(), "with the default share");
	}

	/** Found by the fuzzer in CI: Xtext's line of an offset at the end of a file ending in a lone CR threw. */
	@Test
	void aFileEndingInACarriageReturnGetsItsSyntaxErrorsReported() {
		assertEquals(List.of("ERROR 'missing EOF at 'frragment'' at 1:1",
				"ERROR 'the quoted string is not closed before the end of the file' at 1:17"),
				s.issues(s.parse("cr.dmabuf", "frragment!f(()lf\" \n   { us\u00ce f()\n}\r")));
	}

	@Test
	void messagesQuotingANameWithALineBreakStayOnOneLine() {
		Resource r = s.parse("n.dmabuf", "scenario \"n\" {\n    file \"a\nb\" size 4K\n    mmap anon 4K\n    read \"a\nc\"\n}\n");
		List<String> issues = s.issues(r);
		assertTrue(issues.stream().anyMatch(i -> i.contains("unknown file 'a\nc'")), issues.toString());
		org.dmabufdio.dsl.results.FileDiagnostic d = new org.dmabufdio.dsl.results.FileDiagnostic("n\u001b.dmabuf", 5, 10, "error",
				"unknown file 'a\nc'\r\t\u2028", null);
		assertEquals("n\\u001b.dmabuf:5:10: error: unknown file 'a\\nc'\\r\\t\\u2028", d.toString());
		assertFalse(d.toString().contains("\n"));
	}
}
