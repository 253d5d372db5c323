package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dmabufdio.dsl.loading.Selection;
import org.junit.jupiter.api.Test;

/** Robot Framework's selection rules: include any, exclude wins, globs over whole words, case ignored. */
class SelectionTest {

	private static Selection tags(List<String> in, List<String> out) {
		return new Selection(in, out, List.of());
	}

	@Test
	void noSelectionTakesEverything() {
		assertTrue(Selection.ALL.isAll());
		assertTrue(Selection.ALL.includes("anything", List.of()));
		assertTrue(Selection.ALL.includes("anything", List.of("slow")));
	}

	@Test
	void anIncludedTagTakesAScenarioAndAnExcludedOneLeavesItOut() {
		Selection s = tags(List.of("seed", "kernel"), List.of("slow"));
		assertTrue(s.includes("t", List.of("kernel")));
		assertTrue(s.includes("t", List.of("x", "SEED")));
		assertFalse(s.includes("t", List.of("seed", "slow")), "an excluded tag wins over an included one");
		assertFalse(s.includes("t", List.of()), "with --tag, an untagged scenario is left out");
		assertTrue(tags(List.of(), List.of("slow")).includes("t", List.of()), "without --tag, only exclusions apply");
	}

	@Test
	void patternsAreGlobsOverTheWholeWord() {
		Selection s = tags(List.of("tim*", "r?ad"), List.of());
		assertTrue(s.includes("t", List.of("timing")));
		assertTrue(s.includes("t", List.of("read")));
		assertFalse(s.includes("t", List.of("overtime")), "a glob matches the whole tag");
		assertFalse(s.includes("t", List.of("reread")));
		assertTrue(tags(List.of("a.b"), List.of()).includes("t", List.of("a.b")));
		assertFalse(tags(List.of("a.b"), List.of()).includes("t", List.of("axb")), "only * and ? are special");
		assertFalse(tags(List.of("[ab]"), List.of()).includes("t", List.of("a")), "brackets are literal");
	}

	@Test
	void namesMatchTheWholeTitle() {
		Selection s = new Selection(List.of(), List.of(), List.of("cover letter*"));
		assertTrue(s.includes("Cover letter: 3.21G model", List.of()));
		assertFalse(s.includes("the cover letter", List.of()));
		assertEquals("--tag a --exclude-tag b --name 'c*'", new Selection(List.of("a"), List.of("b"), List.of("c*")).describe());
	}
}
