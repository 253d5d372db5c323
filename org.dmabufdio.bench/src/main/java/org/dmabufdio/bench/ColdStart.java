package org.dmabufdio.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start of the command line as users meet it: {@code ./dmabufdio run FILE} started as a
 * process, timed from start to exit, the median of five (after one untimed start, so that the
 * launcher has built what it needs and the files are in the page cache). Each start is a new JVM:
 * nothing of the previous one is warm but the operating system's caches and the class data
 * archive the build made.
 */
final class ColdStart {

	static final int RUNS = 5;

	private ColdStart() {
	}

	/** The project root, from the {@code ./dmabufdio bench} script. */
	static Path root() {
		String root = System.getProperty("dmabufdio.root");
		if (root == null) {
			throw new IllegalStateException("the cold-start cases start ./dmabufdio: run them through ./dmabufdio bench");
		}
		return Path.of(root);
	}

	static Path launcher() {
		return root().resolve("dmabufdio");
	}

	/** An empty scenario, written to a temporary file: start-up and nothing else. */
	static Path emptyScenario() {
		try {
			Path dir = Files.createTempDirectory("dmabufdio-bench");
			Path f = dir.resolve("empty.dmabuf");
			Files.writeString(f, "scenario \"empty\" {\n}\n");
			f.toFile().deleteOnExit();
			dir.toFile().deleteOnExit();
			return f;
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The median wall time, in ns, of {@link #RUNS} starts of {@code ./dmabufdio run file}. */
	static long[] measure(Path file) throws IOException, InterruptedException {
		start(file);
		long[] ns = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			start(file);
			ns[i] = System.nanoTime() - t0;
		}
		long first = ns[0];
		Arrays.sort(ns);
		return new long[] { ns[RUNS / 2], first };
	}

	private static void start(Path file) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of(launcher().toString(), "run", file.toString()));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		int status = p.waitFor();
		if (status != 0) {
			throw new IllegalStateException(String.join(" ", cmd) + " exited " + status);
		}
	}
}
