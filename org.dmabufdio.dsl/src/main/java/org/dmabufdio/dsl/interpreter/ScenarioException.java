package org.dmabufdio.dsl.interpreter;

import org.dmabufdio.dsl.results.Verdict;
import org.eclipse.emf.ecore.EObject;

/**
 * Stops a scenario instance at a model element: a failed expectation (FAIL) or a scenario that
 * cannot run as written (ERROR). The element gives the source location of the verdict.
 */
public final class ScenarioException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient EObject where;
	private final Verdict verdict;

	public ScenarioException(Verdict verdict, EObject where, String message) {
		super(message);
		this.verdict = verdict;
		this.where = where;
	}

	public static ScenarioException fail(EObject where, String message) {
		return new ScenarioException(Verdict.FAIL, where, message);
	}

	public static ScenarioException error(EObject where, String message) {
		return new ScenarioException(Verdict.ERROR, where, message);
	}

	public EObject where() {
		return where;
	}

	public Verdict verdict() {
		return verdict;
	}
}
