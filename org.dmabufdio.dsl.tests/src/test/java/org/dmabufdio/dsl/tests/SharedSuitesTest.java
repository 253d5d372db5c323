package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.dmabufdio.dsl.results.ScenarioResult;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * The shared suites state kernel behaviour the simulator must reproduce: every scenario in them
 * passes (or fails where it says xfail). The card is left out: it shows a failing kernel on purpose
 * and has its own test.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class SharedSuitesTest {

	@Inject
	private Injector injector;

	static List<Path> suites() throws IOException {
		return Scenarios.files().stream().filter(p -> !p.endsWith("card.dmabuf")).toList();
	}

	@ParameterizedTest
	@MethodSource("suites")
	void everyScenarioPasses(Path file) {
		Scenarios s = new Scenarios(injector);
		List<ScenarioResult> results = s.run(s.load(file));
		assertFalse(results.isEmpty(), "no scenarios in " + file);
		List<String> bad = results.stream()
				.filter(r -> !r.passed())
				.map(r -> r.status() + " " + r.name() + " at " + r.line() + ":" + r.column() + ": " + r.message()).toList();
		assertEquals(List.of(), bad);
	}
}
