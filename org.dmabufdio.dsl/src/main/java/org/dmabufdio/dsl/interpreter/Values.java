package org.dmabufdio.dsl.interpreter;

import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.Parameter;
import org.dmabufdio.dsl.dmabuf.SizeExpr;
import org.dmabufdio.dsl.dmabuf.SizeLiteral;
import org.dmabufdio.dsl.dmabuf.SizeParam;
import org.dmabufdio.runtime.util.Sizes;

/** Evaluates sizes and $parameters in the current instance. */
final class Values {

	private Values() {
	}

	/** The bytes a size stands for. */
	static long size(Env env, SizeExpr e) {
		String text = e instanceof SizeLiteral l ? l.getText() : param(env, ((SizeParam) e).getParam(), e);
		if (!Sizes.hasUnitOrIsZero(text)) {
			throw ScenarioException.error(e, "'" + text + "' is not a size: it needs a unit (B, K, M, G, T, P, E)");
		}
		try {
			return Sizes.bytes(text);
		} catch (IllegalArgumentException ex) {
			throw ScenarioException.error(e, ex.getMessage());
		}
	}

	/** A plain number (a /proc/vmstat count): no unit, no fraction. */
	static long count(Env env, SizeExpr e) {
		String text = e instanceof SizeLiteral l ? l.getText() : param(env, ((SizeParam) e).getParam(), e);
		try {
			return Long.parseLong(text);
		} catch (NumberFormatException ex) {
			throw ScenarioException.error(e, "'" + text + "' is not a count: vmstat counts pages and events, write a plain number");
		}
	}

	/** The value of a $parameter in this instance. */
	static String param(Env env, Parameter p, org.eclipse.emf.ecore.EObject where) {
		if (p instanceof ForEach f) {
			String v = env.instance.params().get(f);
			if (v == null) {
				throw ScenarioException.error(where, "$" + f.getName() + " has no value here");
			}
			return v;
		}
		Object bound = env.lookup((FragmentParam) p, where);
		if (bound instanceof Long bytes) {
			return bytes + "B";
		}
		throw ScenarioException.error(where, "$" + p.getName() + " is not a size");
	}
}
