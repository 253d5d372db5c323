package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.List;

import org.dmabufdio.dsl.dmabuf.Action;
import org.dmabufdio.dsl.dmabuf.Argument;
import org.dmabufdio.dsl.dmabuf.Checkpoint;
import org.dmabufdio.dsl.dmabuf.DeviceUse;
import org.dmabufdio.dsl.dmabuf.Directive;
import org.dmabufdio.dsl.dmabuf.DropCaches;
import org.dmabufdio.dsl.dmabuf.Exit;
import org.dmabufdio.dsl.dmabuf.Expectation;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Fork;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.InProcess;
import org.dmabufdio.dsl.dmabuf.KernelUse;
import org.dmabufdio.dsl.dmabuf.ParamKind;
import org.dmabufdio.dsl.dmabuf.RefArgument;
import org.dmabufdio.dsl.dmabuf.Rounds;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.SizeArgument;
import org.dmabufdio.dsl.dmabuf.Sleep;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.dmabuf.Stress;
import org.dmabufdio.dsl.dmabuf.Use;
import org.dmabufdio.dsl.util.Kinds;
import org.dmabufdio.dsl.util.Locations;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Structure: directives first, device and kernel before the machine is used, nothing after a
 * process exits, statements on one line separated by ';', fragments called as declared.
 */
public class StructureValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@Check
	public void scenarioOrder(Scenario s) {
		boolean other = false;
		Step firstUse = null;
		int rounds = 0;
		for (Step step : s.getSteps()) {
			Action a = step.getAction();
			if (a instanceof Directive) {
				if (other) {
					error(keyword(a) + " must come before the scenario's other steps", step, STEP__ACTION,
							IssueCodes.DIRECTIVE_NOT_FIRST);
				}
				if (a instanceof Rounds && ++rounds > 1) {
					error("rounds is given twice", step, STEP__ACTION, IssueCodes.DIRECTIVE_NOT_FIRST);
				}
				continue;
			}
			other = true;
			if ((a instanceof DeviceUse || a instanceof KernelUse) && firstUse != null) {
				error(keyword(a) + " must come before the first step that uses the machine (line "
						+ Locations.line(firstUse) + ")", step, STEP__ACTION, IssueCodes.SETUP_AFTER_BOOT);
			}
			if (firstUse == null && !(a instanceof DeviceUse) && !(a instanceof KernelUse) && !(a instanceof FileDecl)) {
				firstUse = step;
			}
		}
	}

	private static String keyword(Action a) {
		String text = Locations.text(a);
		int space = text.indexOf(' ');
		return space < 0 ? text : text.substring(0, space);
	}

	@Check
	public void noDirectivesInFragments(Fragment f) {
		for (Step step : f.getSteps()) {
			if (step.getAction() instanceof Directive || step.getAction() instanceof DeviceUse
					|| step.getAction() instanceof KernelUse) {
				error(keyword(step.getAction()) + " belongs in a scenario, not in a fragment", step, STEP__ACTION,
						IssueCodes.DIRECTIVE_NOT_FIRST);
			}
		}
	}

	@Check
	public void rounds(Rounds r) {
		if (r.getCount() < 1) {
			error("rounds must be at least 1", ROUNDS__COUNT, IssueCodes.BAD_ROUNDS);
		}
	}

	@Check
	public void scenarioAfterExit(Scenario s) {
		afterExit(s.getSteps(), false);
	}

	@Check
	public void blockAfterExit(InProcess in) {
		afterExit(in.getSteps(), true);
	}

	/**
	 * A step after the exit of the process that runs it cannot run. In an {@code in} block a bare
	 * {@code exit} ends that block's process; at the top, it ends the scenario's own process
	 * unless a child was forked before (then the child exits). Assertions and machine-wide steps
	 * (drop caches, sleep, stress, checkpoint) still run: they look at what the exit left.
	 */
	private void afterExit(List<Step> steps, boolean inBlock) {
		boolean forked = false;
		Step exit = null;
		for (Step step : steps) {
			if (exit != null && !runsWithoutProcess(step.getAction())) {
				error("this step comes after the process that runs it exited (line " + Locations.line(exit) + ")", step,
						STEP__ACTION, IssueCodes.STEP_AFTER_EXIT);
				return;
			}
			forked |= step.getAction() instanceof Fork;
			if (step.getAction() instanceof Exit e && e.getProcess() == null && (inBlock || !forked)) {
				exit = step;
			}
		}
	}

	private static boolean runsWithoutProcess(Action a) {
		return a instanceof Expectation || a instanceof DropCaches || a instanceof Sleep || a instanceof Stress
				|| a instanceof Checkpoint;
	}

	@Check
	public void semicolons(Scenario s) {
		semicolons(s.getSteps());
	}

	@Check
	public void semicolons(Fragment f) {
		semicolons(f.getSteps());
	}

	@Check
	public void semicolons(InProcess p) {
		semicolons(p.getSteps());
	}

	/**
	 * Two statements on one line must be separated by ';'. Whether they share a line is read off
	 * the file's text between them (a line break or not): node line numbers are computed from the
	 * start of the file each time, which made this check a tenth of validating a long file.
	 */
	private void semicolons(List<Step> steps) {
		for (int i = 1; i < steps.size(); i++) {
			INode prev = NodeModelUtils.findActualNodeFor(steps.get(i - 1));
			INode next = NodeModelUtils.findActualNodeFor(steps.get(i));
			if (prev == null || next == null || !sameLine(prev, next)) {
				continue;
			}
			boolean semicolon = false;
			for (INode n = prev.getNextSibling(); n != null && n != next; n = n.getNextSibling()) {
				semicolon |= ";".equals(n.getText().trim());
			}
			if (!semicolon) {
				error("two statements on one line need a ';' between them", steps.get(i), STEP__ACTION,
						IssueCodes.SAME_LINE_WITHOUT_SEMICOLON);
			}
		}
	}

	private static boolean sameLine(INode prev, INode next) {
		String text = prev.getRootNode().getText();
		int from = prev.getEndOffset();
		int to = next.getOffset();
		for (int i = from; i < to && i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return false;
			}
		}
		return from <= to;
	}

	@Check
	public void use(Use u) {
		Fragment f = u.getTarget();
		if (f == null || f.eIsProxy()) {
			return;
		}
		if (f.getParams().size() != u.getArgs().size()) {
			error(f.getName() + " takes " + f.getParams().size() + " argument" + (f.getParams().size() == 1 ? "" : "s")
					+ ", not " + u.getArgs().size(), USE__TARGET, IssueCodes.WRONG_ARGUMENTS);
			return;
		}
		for (int i = 0; i < f.getParams().size(); i++) {
			FragmentParam p = f.getParams().get(i);
			Argument a = u.getArgs().get(i);
			String problem = argumentProblem(p, a);
			if (problem != null) {
				error(problem, a, null, IssueCodes.WRONG_ARGUMENTS);
			}
		}
	}

	private static String argumentProblem(FragmentParam p, Argument a) {
		if (p.getKind() == ParamKind.SIZE) {
			return a instanceof SizeArgument ? null : p.getName() + " is a size";
		}
		if (!(a instanceof RefArgument r) || r.getRef() == null || r.getRef().eIsProxy()) {
			return a instanceof SizeArgument ? p.getName() + " is a " + Kinds.of(p.getKind()).word() + ", not a size" : null;
		}
		Kinds kind = Kinds.of(r.getRef());
		return kind == Kinds.of(p.getKind()) ? null : p.getName() + " is a " + Kinds.of(p.getKind()).word() + ", and '"
				+ r.getRef().getName() + "' is a " + (kind == null ? "parameter" : kind.word());
	}

	@Check
	public void duplicateDimensions(Scenario s) {
		java.util.Set<String> names = new java.util.HashSet<>();
		for (Step step : s.getSteps()) {
			if (step.getAction() instanceof ForEach f && !names.add(f.getName())) {
				error("the matrix already has a dimension '" + f.getName() + "'", f, DECLARATION__NAME, IssueCodes.DUPLICATE_NAME);
			}
		}
	}
}
