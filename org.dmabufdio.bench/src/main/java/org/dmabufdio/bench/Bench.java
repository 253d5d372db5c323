package org.dmabufdio.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's and the language's benchmarks, a plain harness: {@code ./dmabufdio bench}. Each case runs in a
 * JVM of its own, started with the heap limit the case must fit in; there it is run to warm up
 * (at least {@link #WARMUP} times and {@link #WARMUP_NS} of measured work, so that the JIT has
 * compiled the hot paths: a case of a few ms needs many runs), then timed (median; each run
 * starts after a GC, so it pays for its own garbage only), and the heap its machine keeps is
 * measured after a GC. For
 * the phone case, the cost per simulated page is compared with a bare loop over an array of as
 * many pages, timed in the same JVM.
 */
public final class Bench {

	static final int WARMUP = 5;
	/** Warm-up runs go on until their measured work adds up to this. */
	static final long WARMUP_NS = 3_000_000_000L;
	static final int MEASURED = 9;

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("--case")) {
			System.out.println(measure(Case.byId(args[1])).line());
			return;
		}
		List<Case> cases = new ArrayList<>();
		for (String a : args) {
			if (a.equals("--help") || a.equals("-h")) {
				System.out.println(usage());
				return;
			}
			try {
				cases.add(Case.byId(a));
			} catch (IllegalArgumentException e) {
				// exit statuses as the command line's: 253 a bad command line (1 is a missed target)
				System.err.println("dmabufdio bench: no benchmark " + a + "\n" + usage());
				System.exit(253);
			}
		}
		if (cases.isEmpty()) {
			cases.addAll(Arrays.asList(Case.values()));
		}
		System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s %14s %12s %8s %11s %7s %6s  %s%n", "case", "warm ms", "first ms",
				"target ms", "rate", "heap kept MB", "-Xmx MB", "ns/sim page", "x loop", "best", "verdict");
		boolean allMet = true;
		for (Case c : cases) {
			Result r = c.coldStartFile != null ? coldStart(c) : inChildJvm(c);
			boolean met = r.medianMs() < c.targetMs && r.heapMb() < c.heapMb;
			allMet &= met;
			System.out.printf(Locale.ROOT, "%-34s %9.1f %9.1f %9d %14s %12s %8s %11s %7s %6s  %s%n", c.id, r.medianMs(),
					r.firstMs(), c.targetMs, rate(r.rate(), c.unit()), c.coldStartFile != null ? "-" : String.format(Locale.ROOT, "%.1f", r.heapMb()),
					c.coldStartFile != null ? "-" : Integer.toString(c.heapMb),
					r.nsPerPage() > 0 ? String.format(Locale.ROOT, "%.1f", r.nsPerPage()) : "-", ratio(r.loopRatio()),
					ratio(r.bestLoopRatio()), met ? "met" : "MISSED");
		}
		System.exit(allMet ? 0 : 1);
	}

	/** A cold-start case: the median and the first of the launcher's timed starts (no rate, no heap). */
	private static Result coldStart(Case c) throws IOException, InterruptedException {
		long[] ns = ColdStart.measure(c.coldStartFile.get());
		return new Result(c.id, ns[0] / 1e6, ns[1] / 1e6, 0, 0, 0, 0, 0);
	}

	private static String usage() {
		StringBuilder out = new StringBuilder("usage: dmabufdio bench [CASE...]   (all cases without one; exit 1 if a target is missed)\ncases:");
		for (Case c : Case.values()) {
			out.append("\n  ").append(c.id);
		}
		return out.toString();
	}

	/** Units per second, short: "61k lines/s", "7.2G bytes/s". */
	private static String rate(double perSecond, String unit) {
		if (perSecond <= 0) {
			return "-";
		}
		String[] prefix = { "", "k", "M", "G", "T" };
		int i = 0;
		while (perSecond >= 1000 && i < prefix.length - 1) {
			perSecond /= 1000;
			i++;
		}
		return String.format(Locale.ROOT, "%.1f%s %s/s", perSecond, prefix[i], unit);
	}

	private static String ratio(double r) {
		return r > 0 ? String.format(Locale.ROOT, "%.1f", r) : "-";
	}

	/** Runs one case in this JVM. */
	static Result measure(Case c) {
		long[] ns = new long[MEASURED];
		Object kept = null;
		int warmups = 0;
		long warmNs = 0;
		long firstNs = 0;
		long units = 0;
		for (int measured = 0; measured < MEASURED;) {
			Object w = c.prepare();
			System.gc(); // the setup's garbage is not the measured work's
			long t0 = System.nanoTime();
			units = c.run(w);
			long t = System.nanoTime() - t0;
			if (units <= 0) {
				throw new IllegalStateException(c.id + " did nothing");
			}
			if (warmups == 0) {
				firstNs = t; // cold: the JIT has compiled nothing of it yet
			}
			if (warmups < WARMUP || warmNs < WARMUP_NS) {
				warmups++;
				warmNs += t;
			} else {
				ns[measured++] = t;
			}
			kept = w;
		}
		Arrays.sort(ns);
		long median = ns[MEASURED / 2];
		double heapMb = retainedHeapMb();
		double rate = units / (median / 1e9);
		if (!(kept instanceof Workload w)) {
			return new Result(c.id, median / 1e6, firstNs / 1e6, rate, heapMb, 0, 0, 0);
		}
		long pages = (w.size + 4095) / 4096;
		double perPage = (double) median / pages;
		boolean phone = c == Case.PHONE_BUFFERED_UNDER_PRESSURE;
		double loop = phone ? BareLoop.nsPerPage((int) pages) : 0;
		if (w.machine.now() <= 0) {
			throw new IllegalStateException("the machine did no simulated work");
		}
		// the median run against the loop's fastest pass (the figure the aim is judged by), and
		// the fastest run against it too: what the simulation costs on an undisturbed machine
		return new Result(c.id, median / 1e6, firstNs / 1e6, rate, heapMb, phone ? perPage : 0, phone ? perPage / loop : 0,
				phone ? (double) ns[0] / pages / loop : 0);
	}

	/** Heap in use after a full GC, with the last machine still reachable (it is kept by the caller). */
	private static double retainedHeapMb() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

	private static Result inChildJvm(Case c) throws IOException, InterruptedException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + c.heapMb + "m", "-Xss4m", "-cp",
				System.getProperty("java.class.path"), Bench.class.getName(), "--case", c.id);
		pb.redirectErrorStream(true);
		Process p = pb.start();
		String last = null;
		StringBuilder all = new StringBuilder();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				all.append(line).append('\n');
				if (line.startsWith(Result.PREFIX)) {
					last = line;
				}
			}
		}
		if (p.waitFor() != 0 || last == null) {
			throw new IllegalStateException(c.id + " failed in a JVM with -Xmx" + c.heapMb + "m:\n" + all);
		}
		return Result.parse(last);
	}
}
