package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.loading.Selection;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;

/**
 * A headless run of loaded files, whoever starts it (the command line, the Maven plugin): every
 * selected scenario instance of every file that may run, with the tables the files ask for.
 * Instances may run on several threads; each is handed on, and reported, in file order as soon
 * as it and all before it have finished, so the output does not depend on the number of threads.
 */
public final class Batch {

	/** A worker's stack: deep scenarios recurse through fragments as the main thread's -Xss4m allows. */
	private static final long WORKER_STACK = 8L << 20;

	private Batch() {
	}

	public static RunResult run(ScenarioLoader.Loaded loaded, Selection selection, Budget budget) {
		return run(loaded, selection, budget, 1, r -> {
		});
	}

	/** One instance to run, or a scenario that cannot run at all (its error result made already). */
	private record Slot(String file, Scenario scenario, Instance instance, ScenarioResult known) {
	}

	/**
	 * Runs on {@code jobs} threads (1: on this one); {@code finished} gets each result on this
	 * thread, in file order, as soon as it is known.
	 */
	public static RunResult run(ScenarioLoader.Loaded loaded, Selection selection, Budget budget, int jobs,
			Consumer<ScenarioResult> finished) {
		List<Slot> slots = new ArrayList<>();
		for (ScenarioLoader.LoadedFile f : loaded.files()) {
			if (!f.runnable()) {
				continue;
			}
			for (Element e : f.model().getElements()) {
				if (e instanceof Scenario s && selection.includes(s)) {
					ScenarioResult over = ScenarioRunner.overLimit(f.path(), s, budget);
					if (over != null) {
						slots.add(new Slot(f.path(), s, null, over));
					} else {
						Instance.expand(s).forEach(i -> slots.add(new Slot(f.path(), s, i, null)));
					}
				}
			}
		}
		List<ScenarioResult> results = jobs <= 1 ? runHere(slots, budget, finished) : runOnThreads(slots, budget, jobs, finished);
		List<ResultTable> tables = new ArrayList<>();
		int from = 0;
		for (ScenarioLoader.LoadedFile f : loaded.files()) {
			if (f.runnable()) {
				int to = from;
				while (to < results.size() && results.get(to).file().equals(f.path())) {
					to++;
				}
				tables.addAll(Tables.build(f.path(), f.model(), results.subList(from, to)));
				from = to;
			}
		}
		return new RunResult(results, tables, loaded.diagnostics());
	}

	private static List<ScenarioResult> runHere(List<Slot> slots, Budget budget, Consumer<ScenarioResult> finished) {
		List<ScenarioResult> results = new ArrayList<>(slots.size());
		for (Slot slot : slots) {
			ScenarioResult r = run(slot, budget);
			results.add(r);
			finished.accept(r);
		}
		return results;
	}

	/**
	 * The heap guard watches the whole JVM's heap, so it protects the host on threads as well;
	 * when instances run side by side, the one that crosses the line is stopped, which need not
	 * be the one that grew (with {@code -j 1} it is).
	 */
	private static List<ScenarioResult> runOnThreads(List<Slot> slots, Budget budget, int jobs, Consumer<ScenarioResult> finished) {
		AtomicInteger n = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
			Thread t = new Thread(null, r, "dmabufdio-run-" + n.incrementAndGet(), WORKER_STACK);
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<ScenarioResult>> futures = new ArrayList<>(slots.size());
			for (Slot slot : slots) {
				futures.add(pool.submit(() -> run(slot, budget)));
			}
			List<ScenarioResult> results = new ArrayList<>(slots.size());
			for (int i = 0; i < slots.size(); i++) {
				ScenarioResult r = await(futures.get(i), slots.get(i));
				results.add(r);
				finished.accept(r);
			}
			return results;
		} finally {
			pool.shutdownNow();
		}
	}

	private static ScenarioResult await(Future<ScenarioResult> future, Slot slot) {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Interpreter.error(slot.file(), slot.scenario(), "the run was interrupted");
		} catch (ExecutionException e) {
			// the interpreter turns whatever a scenario does into a verdict: this is the tool's own failure
			return Interpreter.error(slot.file(), slot.scenario(), "the simulator failed: " + e.getCause());
		}
	}

	private static ScenarioResult run(Slot slot, Budget budget) {
		return slot.known() != null ? slot.known() : new Interpreter(slot.file(), slot.instance(), budget).run(slot.scenario());
	}

	/** How many results a run of the selection gives: its instances, and one per scenario over the limit. */
	public static long count(ScenarioLoader.Loaded loaded, Selection selection, Budget budget) {
		return loaded.files().stream().filter(ScenarioLoader.LoadedFile::runnable).flatMap(f -> f.model().getElements().stream())
				.filter(e -> e instanceof Scenario s && selection.includes(s))
				.mapToLong(e -> Instance.count((Scenario) e) > budget.maxInstances() ? 1 : Instance.count((Scenario) e)).sum();
	}

	/** Whether no scenario of the files that may run is selected (or there are none). */
	public static boolean noneSelected(ScenarioLoader.Loaded loaded, Selection selection) {
		return loaded.files().stream().filter(ScenarioLoader.LoadedFile::runnable)
				.flatMap(f -> f.model().getElements().stream())
				.noneMatch(e -> e instanceof Scenario s && selection.includes(s));
	}
}
