package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * A suite reads only *.dmabuf files under its root (the directories named, and those of the
 * files named): each way out is an error at its place, and no diagnostic quotes a byte of a file
 * that is not a scenario. Every file here lives in a temporary directory: {@code suite/} is the
 * root, {@code outside/} holds a secret.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class SuiteRootTest {

	private static final String SECRET = "TOPSECRET_HOST_BYTES";

	@Inject
	private Injector injector;

	@TempDir
	Path tmp;

	private Path suite() throws IOException {
		Path outside = Files.createDirectories(tmp.resolve("outside"));
		Files.writeString(outside.resolve("secret.txt"), SECRET + " = 1\n");
		Files.writeString(outside.resolve("other.dmabuf"), "fragment leaked() {\n    mmap anon 4K\n}\n");
		return Files.createDirectories(tmp.resolve("suite"));
	}

	private List<String> load(Path... paths) throws IOException {
		ScenarioLoader.Loaded loaded = injector.getInstance(ScenarioLoader.class).load(List.of(paths));
		return loaded.diagnostics().stream().map(d -> tmp.relativize(Path.of(d.file())) + ":" + d.line() + ":" + d.column()
				+ ": " + d.message().replace(tmp.toString(), "TMP")).toList();
	}

	private static String importing(String path) {
		return "import \"" + path + "\"\nscenario \"s\" {\n    mmap anon 4K\n}\n";
	}

	@Test
	void anAbsolutePathIsRefused() throws IOException {
		Path suite = suite();
		Files.writeString(suite.resolve("a.dmabuf"), importing(tmp.resolve("outside/other.dmabuf").toString()));
		assertEquals(List.of("suite/a.dmabuf:1:8: cannot import \"TMP/outside/other.dmabuf\": an absolute path; an import is relative to the importing file"),
				load(suite));
	}

	@Test
	void dotDotLeavingTheRootIsRefused() throws IOException {
		Path suite = suite();
		Files.createDirectories(suite.resolve("sub"));
		Files.writeString(suite.resolve("common.dmabuf"), "fragment common() {\n    mmap anon 4K\n}\n");
		Files.writeString(suite.resolve("sub/a.dmabuf"), importing("../../outside/other.dmabuf"));
		Files.writeString(suite.resolve("sub/b.dmabuf"), importing("../common.dmabuf")); // inside: fine
		assertEquals(List.of("suite/sub/a.dmabuf:1:8: cannot import \"../../outside/other.dmabuf\": it leaves the suite's root (TMP/suite)"),
				load(suite));
		// named alone, a file's root is its own directory
		assertEquals(List.of("suite/sub/b.dmabuf:1:8: cannot import \"../common.dmabuf\": it leaves the suite's root (TMP/suite/sub)"),
				load(suite.resolve("sub/b.dmabuf")));
	}

	@Test
	void onlyScenarioFilesAreImportedAndNoneOfAnotherFilesBytesAreQuoted() throws IOException {
		Path suite = suite();
		Files.copy(tmp.resolve("outside/secret.txt"), suite.resolve("secret.txt"));
		Files.writeString(suite.resolve("a.dmabuf"), importing("secret.txt"));
		List<String> problems = load(suite);
		assertEquals(List.of("suite/a.dmabuf:1:8: cannot import \"secret.txt\": only scenario files (*.dmabuf) can be imported"), problems);
		assertFalse(problems.toString().contains(SECRET));
		IOException named = assertThrows(IOException.class, () -> load(suite.resolve("secret.txt")));
		assertTrue(named.getMessage().endsWith("secret.txt: not a scenario file (*.dmabuf)"), named.getMessage());
	}

	@Test
	void aSymbolicLinkOutOfTheRootIsRefused() throws IOException {
		Path suite = suite();
		Files.createSymbolicLink(suite.resolve("linked.dmabuf"), tmp.resolve("outside/other.dmabuf"));
		Files.createSymbolicLink(suite.resolve("secret.dmabuf"), tmp.resolve("outside/secret.txt"));
		Files.createSymbolicLink(suite.resolve("out"), tmp.resolve("outside"));
		Files.writeString(suite.resolve("a.dmabuf"), importing("linked.dmabuf"));
		Files.writeString(suite.resolve("b.dmabuf"), importing("out/other.dmabuf"));
		List<String> problems = load(suite);
		assertEquals(List.of(
				"suite/a.dmabuf:1:8: cannot import \"linked.dmabuf\": a symbolic link leads out of the suite's root",
				"suite/b.dmabuf:1:8: cannot import \"out/other.dmabuf\": a symbolic link leads out of the suite's root",
				"suite/linked.dmabuf:1:1: a symbolic link leads out of the suite's root; the file is not read",
				"suite/secret.dmabuf:1:1: a symbolic link leads out of the suite's root; the file is not read"), problems);
		assertFalse(problems.toString().contains(SECRET));
	}

	/**
	 * Found in review: "link/%2e%2e/x" passed the check as suite/x (the path normalized on paper)
	 * but was opened through the link. Escapes are refused, and what is read is the path checked.
	 */
	@Test
	void escapedDotsThroughALinkAndBackslashesAreRefused() throws IOException {
		Path suite = suite();
		Files.createDirectories(tmp.resolve("outside/x/y"));
		Files.writeString(tmp.resolve("outside/x/secret.dmabuf"), "fragment leaked() {\n    mmap anon 4K\n}\n");
		Files.createSymbolicLink(suite.resolve("link"), tmp.resolve("outside/x/y"));
		Files.writeString(suite.resolve("a.dmabuf"), importing("link/%2e%2e/secret.dmabuf"));
		Files.writeString(suite.resolve("b.dmabuf"), importing("link\\\\..\\\\secret.dmabuf")); // the file says link\\..\\secret.dmabuf: a quoted \\ is one backslash
		Files.writeString(suite.resolve("c.dmabuf"), importing("link/../secret.dmabuf"));
		List<String> problems = load(suite);
		assertEquals(List.of(
				"suite/a.dmabuf:1:8: cannot import \"link/%2e%2e/secret.dmabuf\": a path with %, ?, #, \\ or control characters; write the file's name as it is",
				"suite/b.dmabuf:1:8: cannot import \"link\\..\\secret.dmabuf\": a path with %, ?, #, \\ or control characters; write the file's name as it is",
				"suite/c.dmabuf:1:8: cannot import \"link/../secret.dmabuf\": no scenario file there"), problems);
	}

	@Test
	void aFileThatBreaksTheParserIsAnErrorAndTheOthersStillLoad() throws IOException {
		Path suite = suite();
		int depth = 100_000;
		Files.writeString(suite.resolve("deep.dmabuf"), "scenario \"d\" {\n    fork as p\n" + "    in p {\n".repeat(depth)
				+ "    }\n".repeat(depth) + "}\n");
		Files.writeString(suite.resolve("fine.dmabuf"), importing("deep.dmabuf").replace("import \"deep.dmabuf\"\n", ""));
		ScenarioLoader.Loaded loaded = injector.getInstance(ScenarioLoader.class).load(List.of(suite));
		assertEquals(List.of("the file's blocks nest too deeply to be read"),
				loaded.diagnostics().stream().map(FileDiagnostic::message).toList());
		assertEquals(List.of(false, true), loaded.files().stream().map(ScenarioLoader.LoadedFile::runnable).toList());
	}
}
