package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.CounterCheck;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.DeviceDef;
import org.dmabufdio.dsl.dmabuf.DeviceUse;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.FlagsCheck;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.HazardCheck;
import org.dmabufdio.dsl.dmabuf.KernelUse;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.OutcomeFails;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Setting;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.util.Devices;
import org.dmabufdio.dsl.util.Steps;
import org.dmabufdio.dsl.util.Vocabulary;
import org.dmabufdio.runtime.devices.DeviceParameter;
import org.dmabufdio.runtime.devices.DeviceProfile;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.mm.VmFlags;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Names: every name a scenario uses must exist where it is used (kernels, features, devices and
 * their parameters, errnos, hazards, counters, VmFlags mnemonics) and must not be declared twice.
 */
public class NamesValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	/** A quoted file name needs at least one character: "" names nothing a reference could find. */
	@Check
	public void fileName(FileDecl f) {
		if (f.getName() != null && f.getName().isEmpty()) {
			error("a file needs a name: \"\" is empty", f, DECLARATION__NAME, IssueCodes.BAD_NAME);
		}
	}

	@Check
	public void kernel(KernelUse k) {
		if (k.getVariant() != null && KernelVariant.byName(k.getVariant()) == null) {
			error("unknown kernel '" + k.getVariant() + "'; known kernels: " + Vocabulary.list(Vocabulary.kernels()),
					KERNEL_USE__VARIANT, IssueCodes.UNKNOWN_KERNEL);
		}
		for (int i = 0; i < k.getFeatures().size(); i++) {
			if (Feature.byKeyword(k.getFeatures().get(i)) == null) {
				error("unknown kernel feature '" + k.getFeatures().get(i) + "'; known features: " + Vocabulary.list(Vocabulary.features()),
						KERNEL_USE__FEATURES, i, IssueCodes.UNKNOWN_FEATURE);
			}
		}
	}

	@Check
	public void device(DeviceUse d) {
		if (d.getDevice() != null && !Devices.exists(d, d.getDevice())) {
			error("unknown device '" + d.getDevice() + "'; known devices: " + Vocabulary.list(Vocabulary.devices(d)),
					DEVICE_USE__DEVICE, IssueCodes.UNKNOWN_DEVICE);
		}
	}

	@Check
	public void deviceDef(DeviceDef d) {
		if (!Devices.exists(d, d.getBase())) {
			error("unknown device '" + d.getBase() + "'; known devices: " + Vocabulary.list(Vocabulary.devices(d)),
					DEVICE_DEF__BASE, IssueCodes.UNKNOWN_DEVICE);
		}
	}

	@Check
	public void setting(Setting s) {
		DeviceParameter param = DeviceParameter.byKey(s.getKey());
		if (param == null) {
			error("unknown device parameter '" + s.getKey() + "'; see docs/timing-model.md for the list", SETTING__KEY,
					IssueCodes.UNKNOWN_DEVICE_PARAMETER);
			return;
		}
		if (s.getParam() == null) {
			try {
				DeviceProfile.set(new BootParams(), param, s.getValue());
			} catch (IllegalArgumentException e) {
				error(e.getMessage(), SETTING__VALUE, IssueCodes.BAD_DEVICE_VALUE);
			}
			return;
		}
		// (in a device definition the $parameter cannot resolve: the linker says so)
		// a matrix dimension: every value it takes must fit the parameter
		if (s.getParam() instanceof ForEach f && !f.eIsProxy()) {
			for (String v : f.getValues()) {
				try {
					DeviceProfile.set(new BootParams(), param, v);
				} catch (IllegalArgumentException e) {
					error("$" + f.getName() + " = " + v + ": " + e.getMessage(), SETTING__PARAM, IssueCodes.BAD_DEVICE_VALUE);
				}
			}
		}
	}

	@Check
	public void errno(OutcomeFails f) {
		if (Errno.byName(f.getErrno()) == 0) {
			error("unknown errno '" + f.getErrno() + "'; the simulator returns " + Vocabulary.list(Vocabulary.errnos()),
					OUTCOME_FAILS__ERRNO, IssueCodes.UNKNOWN_ERRNO);
		}
	}

	@Check
	public void hazard(HazardCheck h) {
		if (Hazard.byKeyword(h.getHazard()) == null) {
			error("unknown hazard '" + h.getHazard() + "'; known hazards: "
					+ Vocabulary.list(Vocabulary.hazards()),
					HAZARD_CHECK__HAZARD, IssueCodes.UNKNOWN_HAZARD);
		}
	}

	@Check
	public void flags(FlagsCheck f) {
		for (int i = 0; i < f.getFlags().size(); i++) {
			String flag = org.dmabufdio.dsl.util.Quotes.unquote(f.getFlags().get(i));
			if (!"??".equals(flag) && VmFlags.flagOf(flag) == 0) {
				error("'" + flag + "' is not a VmFlags mnemonic (rd wr sh mr mw me ms pf io de dd mm ...)", FLAGS_CHECK__FLAGS, i,
						IssueCodes.UNKNOWN_FLAG);
			}
		}
	}

	@Check
	public void counter(CounterCheck c) {
		List<String> fields = Vocabulary.counters(c.getView());
		if (!fields.contains(c.getField())) {
			error("'" + c.getField() + "' is not a counter of this view; it has " + String.join(", ", fields),
					COUNTER_CHECK__FIELD, IssueCodes.UNKNOWN_COUNTER);
		}
	}

	@Check
	public void duplicatesInScenario(Scenario s) {
		duplicates(Steps.flatten(s), Map.of());
	}

	@Check
	public void duplicatesInFragment(Fragment f) {
		Map<String, Declaration> params = new HashMap<>();
		for (FragmentParam p : f.getParams()) {
			if (params.putIfAbsent(p.getName(), p) != null) {
				error("duplicate parameter '" + p.getName() + "'", p, DECLARATION__NAME, IssueCodes.DUPLICATE_NAME);
			}
		}
		duplicates(Steps.flatten(f), params);
	}

	private void duplicates(List<Step> steps, Map<String, Declaration> outer) {
		Map<String, Declaration> seen = new HashMap<>(outer);
		Map<String, Step> labels = new HashMap<>();
		for (Step s : steps) {
			if (s.getName() != null && labels.putIfAbsent(s.getName(), s) != null) {
				error("duplicate step label '" + s.getName() + "'", s, STEP__NAME, IssueCodes.DUPLICATE_NAME);
			}
			if (s.getAction() instanceof Declaration d && d.getName() != null) {
				Declaration first = seen.putIfAbsent(d.getName(), d);
				if (first != null) {
					error("'" + d.getName() + "' is already declared at line " + org.dmabufdio.dsl.util.Locations.line(first), d,
							DECLARATION__NAME, IssueCodes.DUPLICATE_NAME);
				}
			}
		}
	}

	@Check
	public void duplicatesAtTopLevel(Model m) {
		Map<String, Element> seen = new HashMap<>();
		for (Element e : m.getElements()) {
			String name = e instanceof FileDecl f ? f.getName() : e instanceof Fragment f ? f.getName()
					: e instanceof DeviceDef d ? d.getName() : null;
			if (name != null && seen.putIfAbsent(name, e) != null) {
				error("'" + name + "' is already declared at line " + org.dmabufdio.dsl.util.Locations.line(seen.get(name)), e,
						e instanceof FileDecl ? DECLARATION__NAME : e instanceof Fragment ? FRAGMENT__NAME : DEVICE_DEF__NAME,
						IssueCodes.DUPLICATE_NAME);
			}
		}
	}
}
