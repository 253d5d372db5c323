package org.dmabufdio.dsl.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.Checkpoint;
import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.InProcess;
import org.dmabufdio.dsl.dmabuf.Parameter;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Step;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Provider;

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

	/**
	 * A scenario's or fragment's steps in execution order (nested blocks flattened after their
	 * opening step), with each step's place in it: built once per body while its resource is
	 * unchanged, so that "what comes before" costs a look-up, not a walk (a long scenario asked
	 * it for every reference, which made linking quadratic in its length).
	 */
	private record Order(List<Step> flat, Map<Step, Integer> place) {
	}

	private static final OnChangeEvictingCache CACHE = new OnChangeEvictingCache();

	private static Order order(EObject body) {
		Provider<Order> build = () -> {
			List<Step> flat = flatten(body);
			Map<Step, Integer> place = new IdentityHashMap<>();
			for (int i = 0; i < flat.size(); i++) {
				place.put(flat.get(i), i);
			}
			return new Order(flat, place);
		};
		Resource r = body.eResource();
		return r == null ? build.get() : CACHE.get(Tuples.pair(Order.class, body), r, build);
	}

	/** The scenario or fragment whose steps contain {@code o} (nested blocks included), or null. */
	public static EObject body(EObject o) {
		EObject s = EcoreUtil2.getContainerOfType(o, Scenario.class);
		return s != null ? s : EcoreUtil2.getContainerOfType(o, Fragment.class);
	}

	/** The step containing {@code context} and its place in its body's order; null if it is in none. */
	private record Located(Order order, int at) {
	}

	private static Located locate(EObject context) {
		Step step = context instanceof Step s ? s : EcoreUtil2.getContainerOfType(context, Step.class);
		EObject body = step == null ? null : body(step);
		if (body == null) {
			return null;
		}
		Order o = order(body);
		Integer at = o.place().get(step);
		return at == null ? null : new Located(o, at);
	}

	/**
	 * The steps that run before the one containing {@code context}, outermost body first: the
	 * steps before its block's opening step, that step, then the block's steps before it.
	 */
	public static List<Step> stepsBefore(EObject context) {
		Located l = locate(context);
		return l == null ? List.of() : Collections.unmodifiableList(l.order().flat().subList(0, l.at()));
	}

	/** The steps that run after the one containing {@code context}, in its scenario or fragment. */
	public static List<Step> stepsAfter(EObject context) {
		Located l = locate(context);
		List<Step> flat = l == null ? List.of() : l.order().flat();
		return l == null ? List.of() : Collections.unmodifiableList(flat.subList(l.at() + 1, flat.size()));
	}

	/** A body's steps in execution order, as {@link #flatten(EObject)} gives them, from the cache. */
	public static List<Step> inOrder(EObject body) {
		return Collections.unmodifiableList(order(body).flat());
	}

	/** The place of the step containing {@code context} in its body's execution order, or -1. */
	public static int place(EObject context) {
		Located l = locate(context);
		return l == null ? -1 : l.at();
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
