package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.results.ScenarioResult;

/** Runs every instance of every scenario of a validated file, in file order. */
public final class ScenarioRunner {

	private final Budget budget;

	public ScenarioRunner(Budget budget) {
		this.budget = budget;
	}

	public ScenarioRunner() {
		this(Budget.DEFAULT);
	}

	public List<ScenarioResult> run(String file, Model model) {
		List<ScenarioResult> out = new ArrayList<>();
		for (Element e : model.getElements()) {
			if (e instanceof Scenario s) {
				out.addAll(run(file, s));
			}
		}
		return out;
	}

	public List<ScenarioResult> run(String file, Scenario scenario) {
		List<ScenarioResult> out = new ArrayList<>();
		for (Instance instance : Instance.expand(scenario)) {
			out.add(new Interpreter(file, instance, budget).run(scenario));
		}
		return out;
	}
}
