package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.loading.Selection;
import org.dmabufdio.dsl.results.ScenarioResult;

/** Runs every instance of every selected scenario of a validated file, in file order. */
public final class ScenarioRunner {

	private final Budget budget;
	private final Selection selection;

	public ScenarioRunner(Budget budget, Selection selection) {
		this.budget = budget;
		this.selection = selection;
	}

	public ScenarioRunner(Budget budget) {
		this(budget, Selection.ALL);
	}

	public ScenarioRunner() {
		this(Budget.DEFAULT);
	}

	public List<ScenarioResult> run(String file, Model model) {
		return run(file, model, () -> false);
	}

	/**
	 * As {@link #run(String, Model)}, asking {@code cancelled} before each instance (an editor's
	 * run can be cancelled); returns the results of the instances that ran.
	 */
	public List<ScenarioResult> run(String file, Model model, BooleanSupplier cancelled) {
		List<ScenarioResult> out = new ArrayList<>();
		for (Element e : model.getElements()) {
			if (e instanceof Scenario s && selection.includes(s)) {
				run(file, s, cancelled, out);
			}
		}
		return out;
	}

	public List<ScenarioResult> run(String file, Scenario scenario) {
		List<ScenarioResult> out = new ArrayList<>();
		run(file, scenario, () -> false, out);
		return out;
	}

	/** The error result of a scenario with more instances than the budget allows, else null. */
	static ScenarioResult overLimit(String file, Scenario scenario, Budget budget) {
		if (Instance.count(scenario) <= budget.maxInstances()) {
			return null;
		}
		return Interpreter.error(file, scenario, Instance.describeCount(scenario) + "; the limit is " + budget.maxInstances()
				+ " (--max-instances)");
	}

	/**
	 * Runs the scenario's instances one at a time; a scenario over the instance limit (the
	 * validator reports it too) becomes one error result instead of an endless run.
	 */
	private void run(String file, Scenario scenario, BooleanSupplier cancelled, List<ScenarioResult> out) {
		ScenarioResult over = overLimit(file, scenario, budget);
		if (over != null) {
			out.add(over);
			return;
		}
		for (Instance instance : Instance.expand(scenario)) {
			if (cancelled.getAsBoolean()) {
				return;
			}
			out.add(new Interpreter(file, instance, budget).run(scenario));
		}
	}
}
