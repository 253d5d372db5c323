package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.Action;
import org.dmabufdio.dsl.dmabuf.Condition;
import org.dmabufdio.dsl.dmabuf.Directive;
import org.dmabufdio.dsl.dmabuf.Expectation;
import org.dmabufdio.dsl.dmabuf.Io;
import org.dmabufdio.dsl.dmabuf.Memory;
import org.dmabufdio.dsl.dmabuf.OutcomeFails;
import org.dmabufdio.dsl.dmabuf.Process;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Setup;
import org.dmabufdio.dsl.dmabuf.Skip;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.dmabuf.Xfail;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.StepResult;
import org.dmabufdio.dsl.results.Verdict;
import org.dmabufdio.dsl.util.Locations;
import org.dmabufdio.runtime.kernel.Findings;
import org.dmabufdio.runtime.kernel.SimulationLimitException;
import org.dmabufdio.runtime.kernel.Task;
import org.eclipse.emf.ecore.EObject;

/**
 * Runs one scenario instance on a simulated machine: walks the steps in order, hands each to
 * the actions of its kind, records what it returned and the counters after it, and turns the
 * first unmet expectation, unexpected error or broken step into the verdict, at its location.
 */
public final class Interpreter {

	private final Env env;
	private final Budget budget;
	private final SetupActions setup;
	private final MemoryActions memory;
	private final IoActions io;
	private final ProcessActions process;
	private final Checks checks;
	private long stepsRun;
	private long wallStart;

	public Interpreter(String file, Instance instance, Budget budget) {
		this.env = new Env(file, instance, budget);
		this.budget = budget;
		this.setup = new SetupActions(env, this);
		this.memory = new MemoryActions(env);
		this.io = new IoActions(env);
		this.process = new ProcessActions(env, this);
		this.checks = new Checks(env);
	}

	/** An error result for a scenario that cannot run at all (no step ran), at its first line. */
	static ScenarioResult error(String file, Scenario scenario, String message) {
		return new ScenarioResult(file, scenario.getTitle(), List.copyOf(scenario.getTags()), Map.of(), 1, Verdict.ERROR, message, Locations.line(scenario),
				Locations.column(scenario), 0, List.of(), List.of());
	}

	/**
	 * Runs the instance and returns its result; never throws for anything a scenario does:
	 * whatever breaks (the simulator included) is an {@code error} verdict at the step it broke.
	 */
	public ScenarioResult run(Scenario scenario) {
		wallStart = System.nanoTime();
		env.scenarioTitle = scenario.getTitle();
		Xfail xfail = null;
		Verdict verdict = Verdict.PASS;
		String message = null;
		EObject where = null;
		try {
			for (Step s : scenario.getSteps()) {
				if (s.getAction() instanceof Skip skip && holds(skip.getCondition())) {
					return result(scenario, Verdict.SKIP, skip.getReason(), skip);
				}
				if (s.getAction() instanceof Xfail x && holds(x.getCondition())) {
					xfail = x;
				}
			}
			runSteps(scenario.getSteps());
		} catch (ScenarioException e) {
			verdict = e.verdict();
			message = e.getMessage();
			where = e.where();
		} catch (SimulationLimitException e) {
			verdict = Verdict.ERROR;
			message = e.getMessage();
			where = env.lastStep;
		} catch (StackOverflowError e) {
			verdict = Verdict.ERROR;
			message = "the simulator ran out of stack here (nesting too deep)";
			where = env.lastStep;
		} catch (OutOfMemoryError e) {
			env.machine = null; // its state becomes garbage with this instance, and the batch goes on
			verdict = Verdict.ERROR;
			message = "the simulator ran out of memory here";
			where = env.lastStep;
		} catch (RuntimeException | LinkageError | AssertionError e) {
			verdict = Verdict.ERROR;
			message = "the simulator failed: " + e;
			where = env.lastStep;
		}
		teardown();
		if (xfail != null) {
			if (verdict == Verdict.FAIL) {
				return result(scenario, Verdict.XFAIL, xfail.getReason() + " (" + message + ")", where);
			}
			if (verdict == Verdict.PASS) {
				return result(scenario, Verdict.FAIL, "expected to fail (" + xfail.getReason() + ") but passed", xfail);
			}
		}
		return result(scenario, verdict, message, where);
	}

	private boolean holds(Condition c) {
		return c == null || org.dmabufdio.dsl.util.Quotes.unquote(c.getValue()).equals(Values.param(env, c.getParam(), c));
	}

	/** Runs steps in order; an error that the next step does not expect fails the scenario there. */
	void runSteps(List<Step> steps) {
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			Outcome outcome = execute(step);
			if (outcome.failed() && !(i + 1 < steps.size() && isExpectFailure(steps.get(i + 1)))) {
				throw ScenarioException.fail(step, Locations.text(step.getAction()) + " failed with " + outcome.errno()
						+ ", which no assertion expects");
			}
		}
	}

	private static boolean isExpectFailure(Step next) {
		return next.getAction() instanceof Expectation e && e.getCheck() instanceof OutcomeFails;
	}

	private Outcome execute(Step step) {
		checkBudget(step);
		Action action = step.getAction();
		if (!(action instanceof Directive) && !(action instanceof Setup) && env.start == null) {
			setup.boot(step);
			env.start = Snapshot.take(env);
		}
		env.lastStep = step;
		long t0 = env.booted() ? env.machine.now() : 0;
		Map<String, Long> spent0 = env.booted() ? env.machine.timeSpent() : Map.of();
		Task runner = env.current;
		int at = env.results.size(); // an 'in' block is listed before the steps it ran
		Outcome outcome = dispatch(action);
		long dt = env.booted() ? env.machine.now() - t0 : 0;
		env.stepTimes.put(step, dt);
		if (step.isTimed()) {
			env.anyTimed = true;
			env.timedTotal += dt;
		}
		if (!(action instanceof Expectation)) {
			env.lastRet = outcome.ret();
			env.lastErrno = outcome.errno();
			env.lastActionStep = step;
		}
		if (!(action instanceof Directive)) {
			record(at, step, outcome, dt, spentSince(spent0), runner);
		}
		return outcome;
	}

	private Outcome dispatch(Action action) {
		if (action instanceof Directive) {
			return Outcome.NONE;
		}
		if (action instanceof Setup s) {
			return setup.run(s);
		}
		if (action instanceof Memory m) {
			return memory.run(m);
		}
		if (action instanceof Io i) {
			return io.run(i);
		}
		if (action instanceof Process p) {
			return process.run(p);
		}
		checks.check(((Expectation) action).getCheck());
		return Outcome.NONE;
	}

	/** What the step spent per kind of work, in ns (only what it spent). */
	private Map<String, Long> spentSince(Map<String, Long> before) {
		if (!env.booted()) {
			return Map.of();
		}
		Map<String, Long> out = new LinkedHashMap<>();
		env.machine.timeSpent().forEach((k, v) -> {
			long d = v - before.getOrDefault(k, 0L);
			if (d > 0) {
				out.put(k, d);
			}
		});
		return out;
	}

	private void record(int at, Step step, Outcome outcome, long dt, Map<String, Long> spent, Task runner) {
		Task who = runner != null ? runner : env.current;
		env.results.add(at, new StepResult(Locations.line(step), Locations.text(step), outcome.ret(), outcome.errno(), dt, spent,
				who == null ? null : who.toString(),
				who == null || !env.booted() ? java.util.Map.of() : Counters.rss(env.machine.status(who)),
				env.booted() ? Counters.meminfo(env.machine.meminfo()) : java.util.Map.of(), outcome.note()));
	}

	private void checkBudget(Step step) {
		if (++stepsRun > budget.maxSteps()) {
			throw ScenarioException.error(step, "step budget exceeded (" + budget.maxSteps() + " steps)");
		}
		if (env.booted() && env.machine.now() > budget.maxSimulatedNs()) {
			throw ScenarioException.error(step, "simulated time budget exceeded");
		}
		if (env.booted()) {
			env.machine.kernel().checkHeap();
		}
		if (System.nanoTime() - wallStart > budget.maxWallNs()) {
			throw ScenarioException.error(step, "wall time budget exceeded (" + budget.maxWallNs() / 1_000_000_000 + " s)");
		}
	}

	/** Every process still running exits at the end, so check_mm() can report leaks. */
	private void teardown() {
		if (!env.booted()) {
			return;
		}
		try {
			for (Task t : new ArrayList<>(env.machine.kernel().tasks())) {
				env.machine.exit(t);
			}
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
			// a broken state was already reported by the verdict
		}
	}

	private ScenarioResult result(Scenario scenario, Verdict verdict, String message, EObject where) {
		List<String> hazards = new ArrayList<>();
		if (env.booted()) {
			for (Findings.Finding f : env.machine.kernel().findings.all()) {
				hazards.add(f.toString());
			}
		}
		long time = env.anyTimed ? env.timedTotal : env.booted() ? env.machine.now() : 0;
		return new ScenarioResult(env.file, scenario.getTitle(), List.copyOf(scenario.getTags()), env.instance.paramsByName(), env.instance.round(),
				verdict, message, Locations.line(where), Locations.column(where), time, List.copyOf(env.results), hazards);
	}

	Env env() {
		return env;
	}
}
