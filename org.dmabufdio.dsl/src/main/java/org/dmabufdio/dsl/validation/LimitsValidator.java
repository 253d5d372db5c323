package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
		List<Fragment> path = pathTo(u.getTarget(), home);
		if (path != null) {
			List<String> names = new ArrayList<>();
			names.add(home.getName());
			path.forEach(f -> names.add(f.getName()));
			error("fragment " + home.getName() + " uses itself: " + String.join(" -> ", names)
					+ "; a fragment may not use itself, directly or through others", USE__TARGET, IssueCodes.RECURSIVE_FRAGMENT);
		}
	}

	/**
	 * The fragments from {@code from} to {@code goal} along {@code use} statements (a shortest
	 * path), or null. Breadth first with a queue, not recursion: a chain of thousands of fragments
	 * is a file someone can write.
	 */
	private static List<Fragment> pathTo(Fragment from, Fragment goal) {
		Map<Fragment, Fragment> cameFrom = new IdentityHashMap<>();
		Deque<Fragment> work = new ArrayDeque<>();
		cameFrom.put(from, from);
		work.add(from);
		while (!work.isEmpty()) {
			Fragment f = work.poll();
			if (f == goal) {
				List<Fragment> path = new ArrayList<>();
				for (Fragment at = f; ; at = cameFrom.get(at)) {
					path.add(0, at);
					if (at == from) {
						return path;
					}
				}
			}
			for (Use next : EcoreUtil2.getAllContentsOfType(f, Use.class)) {
				Fragment t = next.getTarget();
				if (t != null && !t.eIsProxy() && !cameFrom.containsKey(t)) {
					cameFrom.put(t, f);
					work.add(t);
				}
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
