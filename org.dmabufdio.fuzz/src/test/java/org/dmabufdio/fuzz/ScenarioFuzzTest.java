package org.dmabufdio.fuzz;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The coverage-guided fuzzer over the parser, validators, formatter and interpreter (Jazzer).
 * Seeded with every file in scenarios/ (copied next to the inputs at build time); every crash it
 * finds is saved under src/test/resources/.../ScenarioFuzzTestInputs/parseValidateFormatRun/ and
 * replayed as a regression test by every later build. {@code ./mvnw verify} replays them all,
 * then fuzzes for {@code fuzz.duration} (the pom's default; {@code ./dmabufdio fuzz --minutes N}
 * for longer).
 */
class ScenarioFuzzTest {

	private static ScenarioFuzzTarget target;

	@FuzzTest
	void parseValidateFormatRun(byte[] input) {
		if (target == null) {
			target = new ScenarioFuzzTarget();
		}
		target.check(new String(input, StandardCharsets.UTF_8));
	}
}
