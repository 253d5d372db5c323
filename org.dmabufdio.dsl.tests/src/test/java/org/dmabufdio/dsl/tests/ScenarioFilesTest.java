package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** Every file of the shared suites parses and validates without errors. */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class ScenarioFilesTest {

	@Inject
	private Injector injector;

	static List<Path> files() throws IOException {
		return Scenarios.files();
	}

	@Test
	void theSuitesExist() throws IOException {
		assertFalse(files().isEmpty());
		assertTrue(files().contains(Scenarios.DIR.resolve("card.dmabuf")));
	}

	/**
	 * {@link ShippedScenariosTest} runs the suites by directory: a new directory must be named
	 * there (or it would go unrun), and a file without scenarios would pass unnoticed.
	 */
	@Test
	void theEngineRunsEverySuiteDirectoryAndEveryFileHasScenarios() throws IOException {
		List<String> named = List.of(ShippedScenariosTest.class.getAnnotation(org.dmabufdio.junit.DmabufdioScenarios.class).value());
		try (java.util.stream.Stream<Path> dirs = java.nio.file.Files.list(Scenarios.DIR)) {
			assertEquals(dirs.filter(java.nio.file.Files::isDirectory).map(d -> "../scenarios/" + d.getFileName()).sorted().toList(),
					named.stream().sorted().toList());
		}
		Scenarios s = new Scenarios(injector);
		for (Path file : files()) {
			org.dmabufdio.dsl.dmabuf.Model m = (org.dmabufdio.dsl.dmabuf.Model) s.load(file).getContents().get(0);
			assertTrue(m.getElements().stream().anyMatch(org.dmabufdio.dsl.dmabuf.Scenario.class::isInstance), file + " has no scenario");
		}
	}

	@ParameterizedTest
	@MethodSource("files")
	void parsesAndValidates(Path file) {
		Scenarios s = new Scenarios(injector);
		Resource r = s.load(file);
		assertEquals(List.of(), r.getErrors().stream().map(e -> e.getLine() + ": " + e.getMessage()).toList(), "syntax errors");
		assertEquals(List.of(), s.issues(r).stream().filter(i -> i.startsWith("ERROR")).toList(), "validation errors");
	}
}
