package org.dmabufdio.dsl.loading;

import org.dmabufdio.dsl.interpreter.Budget;
import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * How many instances a scenario may expand to in this run ({@code --max-instances}): set on the
 * resource set by whoever runs it, so validation reports a scenario over the limit before
 * anything is expanded; {@link Budget#DEFAULT} where nobody set it.
 */
public final class InstanceLimit extends AdapterImpl {

	private final long max;

	private InstanceLimit(long max) {
		this.max = max;
	}

	public static void set(ResourceSet rs, long max) {
		rs.eAdapters().removeIf(a -> a instanceof InstanceLimit);
		rs.eAdapters().add(new InstanceLimit(max));
	}

	public static long of(Resource r) {
		if (r != null && r.getResourceSet() != null) {
			for (Adapter a : r.getResourceSet().eAdapters()) {
				if (a instanceof InstanceLimit l) {
					return l.max;
				}
			}
		}
		return Budget.DEFAULT.maxInstances();
	}
}
