package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import org.dmabufdio.dsl.dmabuf.Alloc;
import org.dmabufdio.dsl.dmabuf.CounterCheck;
import org.dmabufdio.dsl.dmabuf.Expectation;
import org.dmabufdio.dsl.dmabuf.Memfd;
import org.dmabufdio.dsl.dmabuf.Mmap;
import org.dmabufdio.dsl.dmabuf.OutcomeFails;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.SizeExpr;
import org.dmabufdio.dsl.dmabuf.SizeLiteral;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.dmabuf.Stress;
import org.dmabufdio.dsl.dmabuf.VmstatView;
import org.dmabufdio.dsl.util.Devices;
import org.dmabufdio.runtime.util.Sizes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Sizes and durations: every size has a unit (B, K, M, G, T, P, E, KiB.., kB), except 0, and
 * every duration one of ns, us, ms, s; sizes fit in what a scenario can name; memory asked for
 * beyond the device's RAM is flagged, unless the scenario expects the ENOMEM.
 */
public class SizesValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@Check
	public void unit(org.dmabufdio.dsl.dmabuf.Sleep s) {
		durationUnit(s.getDuration(), SLEEP__DURATION);
	}

	@Check
	public void unit(org.dmabufdio.dsl.dmabuf.TimeLiteral t) {
		durationUnit(t.getValue(), TIME_LITERAL__VALUE);
	}

	private void durationUnit(String text, EStructuralFeature feature) {
		if (text != null && !Sizes.isDuration(text)) {
			error("duration '" + text + "' needs a unit: " + text + "ns, " + text + "us, " + text + "ms or " + text + "s",
					feature, IssueCodes.MISSING_UNIT);
		}
	}

	@Check
	public void unit(SizeLiteral s) {
		String text = s.getText();
		if (isVmstatCount(s)) {
			if (!text.matches("[0-9]+")) {
				error("vmstat counts pages and events: write a plain number, not '" + text + "'", SIZE_LITERAL__TEXT,
						IssueCodes.BAD_SIZE);
			}
			return;
		}
		if (!Sizes.hasUnitOrIsZero(text)) {
			error("size '" + text + "' needs a unit: " + text + "B, " + text + "K, " + text + "M, " + text + "G or " + text
					+ "T (binary, as the kernel's memparse)", SIZE_LITERAL__TEXT, IssueCodes.MISSING_UNIT);
			return;
		}
		try {
			Sizes.bytes(text);
		} catch (IllegalArgumentException e) {
			error(e.getMessage(), SIZE_LITERAL__TEXT, IssueCodes.BAD_SIZE);
		}
	}

	@Check
	public void alloc(Alloc a) {
		beyondRam(a, a.getSize(), ALLOC__SIZE, "alloc");
	}

	@Check
	public void memfd(Memfd m) {
		beyondRam(m, m.getSize(), MEMFD__SIZE, "memfd");
	}

	@Check
	public void stress(Stress s) {
		beyondRam(s, s.getSize(), STRESS__SIZE, "stress eat");
	}

	@Check
	public void anon(Mmap m) {
		if (m.isAnon()) {
			beyondRam(m, m.getSize(), MMAP__SIZE, "mmap anon");
		}
	}

	private void beyondRam(EObject o, SizeExpr size, EStructuralFeature feature, String what) {
		Long bytes = StaticValues.bytes(size);
		Scenario scenario = EcoreUtil2.getContainerOfType(o, Scenario.class);
		if (bytes == null || scenario == null) {
			return;
		}
		long ram = Devices.forScenario(scenario).ramBytes;
		if (bytes > ram && !expectsEnomem(o)) {
			warning(what + " of " + Sizes.format(bytes) + " is beyond the device's " + Sizes.format(ram)
					+ " of RAM: it will fail with ENOMEM", feature, IssueCodes.SIZE_BEYOND_RAM);
		}
	}

	/** A number compared with a /proc/vmstat field: a count, not a size. */
	static boolean isVmstatCount(SizeLiteral s) {
		CounterCheck check = EcoreUtil2.getContainerOfType(s, CounterCheck.class);
		return check != null && check.getView() instanceof VmstatView;
	}

	/** The next step is {@code assert fails ENOMEM}: the scenario means to hit the limit. */
	static boolean expectsEnomem(EObject o) {
		return expectsFailure(o, "ENOMEM");
	}

	static boolean expectsFailure(EObject o, String errno) {
		Step step = EcoreUtil2.getContainerOfType(o, Step.class);
		if (step == null) {
			return false;
		}
		java.util.List<Step> steps = org.dmabufdio.dsl.util.Steps.stepsOf(step.eContainer());
		int i = steps.indexOf(step);
		return i + 1 < steps.size() && steps.get(i + 1).getAction() instanceof Expectation e
				&& e.getCheck() instanceof OutcomeFails f && errno.equals(f.getErrno());
	}
}
