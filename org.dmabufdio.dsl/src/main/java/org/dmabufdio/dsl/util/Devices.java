package org.dmabufdio.dsl.util;

import java.util.HashSet;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.DeviceDef;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Setting;
import org.dmabufdio.runtime.devices.DeviceParameter;
import org.dmabufdio.runtime.devices.DeviceProfile;
import org.dmabufdio.runtime.devices.DeviceProfiles;
import org.dmabufdio.runtime.kernel.BootParams;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;

/**
 * Devices by name: a shipped profile, or a {@code device NAME from BASE { ... }} definition in
 * this file or one it imports.
 */
public final class Devices {

	private Devices() {
	}

	/** The definition named {@code name} visible from {@code context}, or null. */
	public static DeviceDef find(EObject context, String name) {
		for (Model m : Imports.visibleModels(context)) {
			for (Element e : m.getElements()) {
				if (e instanceof DeviceDef d && name.equals(d.getName())) {
					return d;
				}
			}
		}
		return null;
	}

	/** True if {@code name} is a known device from {@code context}. */
	public static boolean exists(EObject context, String name) {
		return DeviceProfiles.get(name) != null || find(context, name) != null;
	}

	/**
	 * The boot parameters of the named device, or null if there is none. Throws
	 * IllegalArgumentException for a setting that does not fit or a definition cycle.
	 */
	public static BootParams bootParams(EObject context, String name) {
		return bootParams(context, name, new HashSet<>());
	}

	private static BootParams bootParams(EObject context, String name, Set<String> seen) {
		DeviceDef def = find(context, name);
		if (def != null) {
			if (!seen.add(name)) {
				throw new IllegalArgumentException("device " + name + " is defined from itself");
			}
			BootParams base = bootParams(def, def.getBase(), seen);
			if (base == null) {
				return null;
			}
			for (Setting s : def.getSettings()) {
				apply(base, s);
			}
			return base;
		}
		DeviceProfile profile = DeviceProfiles.get(name);
		return profile == null ? null : profile.bootParams();
	}

	private static final OnChangeEvictingCache CACHE = new OnChangeEvictingCache();

	/**
	 * The boot parameters a scenario runs with, as far as they can be known before it runs: its
	 * {@code device} step (unless that names a $parameter) with its settings, or the default.
	 * Worked out once per scenario while its file is unchanged (validators ask for every I/O
	 * step): the result is shared, to be read, never changed.
	 */
	public static BootParams forScenario(org.dmabufdio.dsl.dmabuf.Scenario scenario) {
		Resource r = scenario.eResource();
		return r == null ? deviceOf(scenario) : CACHE.get(Tuples.pair(Devices.class, scenario), r, () -> deviceOf(scenario));
	}

	private static BootParams deviceOf(org.dmabufdio.dsl.dmabuf.Scenario scenario) {
		for (org.dmabufdio.dsl.dmabuf.Step s : scenario.getSteps()) {
			if (s.getAction() instanceof org.dmabufdio.dsl.dmabuf.DeviceUse d && d.getDevice() != null) {
				try {
					BootParams p = bootParams(d, d.getDevice());
					if (p != null) {
						for (Setting setting : d.getSettings()) {
							apply(p, setting);
						}
						return p;
					}
				} catch (IllegalArgumentException e) {
					break; // reported where the device is named
				}
			}
		}
		return DeviceProfiles.defaultProfile().bootParams();
	}

	/**
	 * Applies one {@code key value} setting; throws IllegalArgumentException if it does not fit.
	 * A {@code key $parameter} setting has no value before an instance runs: it is skipped here
	 * and applied by the interpreter with {@link #apply(BootParams, String, String)}.
	 */
	public static void apply(BootParams params, Setting s) {
		if (s.getParam() == null) {
			apply(params, s.getKey(), s.getValue());
		}
	}

	/** Sets device parameter {@code key} to {@code value}; IllegalArgumentException if it does not fit. */
	public static void apply(BootParams params, String key, String value) {
		DeviceParameter param = DeviceParameter.byKey(key);
		if (param == null) {
			throw new IllegalArgumentException("unknown device parameter '" + key + "'");
		}
		DeviceProfile.set(params, param, value);
	}
}
