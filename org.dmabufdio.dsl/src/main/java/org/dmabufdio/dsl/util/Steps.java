package org.dmabufdio.dsl.util;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.dmabuf.Checkpoint;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.InProcess;
import org.dmabufdio.dsl.dmabuf.Parameter;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Step;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Step order: what comes before a given element in its scenario or fragment, with the steps
 * of nested {@code in PROCESS { ... }} blocks in line. One home for "declared before".
 */
public final class Steps {

	private Steps() {
	}

	/** The steps of a scenario, fragment or in-block. */
	public static List<Step> stepsOf(EObject body) {
		if (body instanceof Scenario s) {
			return s.getSteps();
		}
		if (body instanceof Fragment f) {
			return f.getSteps();
		}
		if (body instanceof InProcess p) {
			return p.getSteps();
		}
		return List.of();
	}

	/** Every step of a body in execution order, nested blocks flattened after their opening step. */
	public static List<Step> flatten(EObject body) {
		List<Step> out = new ArrayList<>();
		for (Step s : stepsOf(body)) {
			out.add(s);
			if (s.getAction() instanceof InProcess p) {
				out.addAll(flatten(p));
			}
		}
		return out;
	}

	/** The steps that run before the one containing {@code context}, outermost body first. */
	public static List<Step> stepsBefore(EObject context) {
		Step step = context instanceof Step s ? s : EcoreUtil2.getContainerOfType(context, Step.class);
		if (step == null) {
			return List.of();
		}
		EObject body = step.eContainer();
		List<Step> out = new ArrayList<>();
		if (body instanceof InProcess p) {
			out.addAll(stepsBefore(p));
			if (p.eContainer() instanceof Step opening) {
				out.add(opening);
			}
		}
		for (Step s : stepsOf(body)) {
			if (s == step) {
				break;
			}
			out.add(s);
			if (s.getAction() instanceof InProcess p) {
				out.addAll(flatten(p));
			}
		}
		return out;
	}

	/** Declarations made before {@code context}, and the parameters of its fragment. */
	public static List<Declaration> declarationsBefore(EObject context) {
		List<Declaration> out = new ArrayList<>();
		Fragment fragment = EcoreUtil2.getContainerOfType(context, Fragment.class);
		if (fragment != null) {
			out.addAll(fragment.getParams());
		}
		for (Step s : stepsBefore(context)) {
			if (s.getAction() instanceof Declaration d) {
				out.add(d);
			}
		}
		return out;
	}

	/** The $parameters visible at {@code context}: matrix dimensions and fragment parameters. */
	public static List<Parameter> parametersOf(EObject context) {
		List<Parameter> out = new ArrayList<>();
		Fragment fragment = EcoreUtil2.getContainerOfType(context, Fragment.class);
		if (fragment != null) {
			out.addAll(fragment.getParams());
		}
		Scenario scenario = EcoreUtil2.getContainerOfType(context, Scenario.class);
		if (scenario != null) {
			for (Step s : scenario.getSteps()) {
				if (s.getAction() instanceof ForEach f) {
					out.add(f);
				}
			}
		}
		return out;
	}

	/** Labelled steps before {@code context}. */
	public static List<Step> labelledBefore(EObject context) {
		return stepsBefore(context).stream().filter(s -> s.getName() != null).toList();
	}

	/** Checkpoints before {@code context}. */
	public static List<Checkpoint> checkpointsBefore(EObject context) {
		List<Checkpoint> out = new ArrayList<>();
		for (Step s : stepsBefore(context)) {
			if (s.getAction() instanceof Checkpoint c) {
				out.add(c);
			}
		}
		return out;
	}
}
