package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Use;
import org.dmabufdio.dsl.interpreter.Instance;
import org.dmabufdio.dsl.loading.InstanceLimit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Limits a shared suite must keep before anything runs: no fragment uses itself (directly or
 * through others), and no scenario expands to more instances than a run allows.
 */
public class LimitsValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	/** A {@code use} inside a fragment that leads back to that fragment is an error naming the cycle. */
	@Check
	public void fragmentCycle(Use u) {
		Fragment home = EcoreUtil2.getContainerOfType(u, Fragment.class);
		if (home == null || u.getTarget() == null || u.getTarget().eIsProxy()) {
			return;
		}
		List<Fragment> path = pathTo(u.getTarget(), home, new ArrayList<>());
		if (path != null) {
			List<String> names = new ArrayList<>();
			names.add(home.getName());
			path.forEach(f -> names.add(f.getName()));
			error("fragment " + home.getName() + " uses itself: " + String.join(" -> ", names)
					+ "; a fragment may not use itself, directly or through others", USE__TARGET, IssueCodes.RECURSIVE_FRAGMENT);
		}
	}

	/** The fragments from {@code from} to {@code goal} along {@code use} statements, or null. */
	private static List<Fragment> pathTo(Fragment from, Fragment goal, List<Fragment> seen) {
		if (from == goal) {
			return new ArrayList<>(List.of(from));
		}
		if (seen.contains(from)) {
			return null;
		}
		seen.add(from);
		for (Use next : EcoreUtil2.getAllContentsOfType(from, Use.class)) {
			if (next.getTarget() == null || next.getTarget().eIsProxy()) {
				continue;
			}
			List<Fragment> rest = pathTo(next.getTarget(), goal, seen);
			if (rest != null) {
				rest.add(0, from);
				return rest;
			}
		}
		return null;
	}

	/** A scenario's instances are counted before any is built: too many is an error at the scenario. */
	@Check
	public void instanceCount(Scenario s) {
		long limit = InstanceLimit.of(s.eResource());
		if (Instance.count(s) > limit) {
			error(Instance.describeCount(s) + "; the limit is " + limit + " (--max-instances)", SCENARIO__TITLE,
					IssueCodes.TOO_MANY_INSTANCES);
		}
	}
}
