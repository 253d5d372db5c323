package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import org.dmabufdio.dsl.dmabuf.Check;
import org.dmabufdio.dsl.dmabuf.Directive;
import org.dmabufdio.dsl.dmabuf.Expectation;
import org.dmabufdio.dsl.dmabuf.FlagsCheck;
import org.dmabufdio.dsl.dmabuf.OutcomeFails;
import org.dmabufdio.dsl.dmabuf.OutcomeOk;
import org.dmabufdio.dsl.dmabuf.OutcomeReturns;
import org.dmabufdio.dsl.dmabuf.SmapsView;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.dmabuf.TimeCheck;
import org.dmabufdio.dsl.dmabuf.TimeExpr;
import org.dmabufdio.dsl.dmabuf.TimeOfStep;
import org.dmabufdio.dsl.util.Steps;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Expectations: an assertion must have something to look at when it runs: an outcome needs a
 * step before it, a bare smaps view needs a mapping, a bare {@code time} a timed step.
 */
public class ExpectationsValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@org.eclipse.xtext.validation.Check
	public void outcome(Expectation e) {
		Check c = e.getCheck();
		if (c instanceof OutcomeOk || c instanceof OutcomeFails || c instanceof OutcomeReturns) {
			if (lastAction(e) == null) {
				error("this assertion looks at the last step's outcome, but no step before it has one", EXPECTATION__CHECK,
						IssueCodes.ASSERTION_NEVER_EVALUATED);
			}
		}
	}

	@org.eclipse.xtext.validation.Check
	public void time(TimeCheck t) {
		for (TimeExpr side : new TimeExpr[] { t.getLeft(), t.getRight() }) {
			if (side instanceof TimeOfStep ts && ts.getStep() == null && lastAction(t) == null) {
				error("time refers to the last step, but there is none before this assertion", side, null,
						IssueCodes.ASSERTION_NEVER_EVALUATED);
			}
		}
	}

	@org.eclipse.xtext.validation.Check
	public void flags(FlagsCheck f) {
		if (f.getMapping() == null && StaticValues.lastMapping(f) == null) {
			error("there is no mapping yet: mmap one before, or name one", FLAGS_CHECK__MAPPING, IssueCodes.NOTHING_TO_ACT_ON);
		}
	}

	@org.eclipse.xtext.validation.Check
	public void smaps(SmapsView v) {
		if (v.getMapping() == null && StaticValues.lastMapping(v) == null) {
			error("there is no mapping yet: mmap one before, or name one", SMAPS_VIEW__MAPPING, IssueCodes.NOTHING_TO_ACT_ON);
		}
	}

	/** The latest step before {@code o} that is neither an assertion nor a directive. */
	static Step lastAction(EObject o) {
		Step last = null;
		for (Step s : Steps.stepsBefore(o)) {
			if (!(s.getAction() instanceof Expectation) && !(s.getAction() instanceof Directive)) {
				last = s;
			}
		}
		return last;
	}
}
