package org.dmabufdio.dsl.util;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.DeviceDef;
import org.dmabufdio.dsl.dmabuf.DmabufView;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.MeminfoView;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.SmapsView;
import org.dmabufdio.dsl.dmabuf.View;
import org.dmabufdio.dsl.dmabuf.VmstatView;
import org.dmabufdio.runtime.devices.DeviceParameter;
import org.dmabufdio.runtime.devices.DeviceProfile;
import org.dmabufdio.runtime.devices.DeviceProfiles;
import org.dmabufdio.runtime.fs.proc.DmabufInfo;
import org.dmabufdio.runtime.fs.proc.Meminfo;
import org.dmabufdio.runtime.fs.proc.ProcVmstat;
import org.dmabufdio.runtime.fs.proc.Smaps;
import org.dmabufdio.runtime.fs.proc.Status;
import org.dmabufdio.runtime.kernel.Errno;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.Hazard;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.mm.VmFlags;
import org.eclipse.emf.ecore.EObject;

/**
 * The words a scenario may use where the grammar says only "an identifier": kernels, features,
 * devices and their parameters, errnos, hazards, counters, VmFlags codes. Each is the runtime's
 * own list, with a one-line description (empty where the name says it all); validation messages
 * and content assist both read them here.
 */
public final class Vocabulary {

	private Vocabulary() {
	}

	public static Map<String, String> kernels() {
		Map<String, String> m = new LinkedHashMap<>();
		KernelVariant.known().forEach((name, k) -> m.put(name, k.description()));
		return m;
	}

	public static Map<String, String> features() {
		Map<String, String> m = new LinkedHashMap<>();
		for (Feature f : Feature.values()) {
			m.put(f.keyword(), f.description());
		}
		return m;
	}

	/** Shipped profiles, then the definitions visible from {@code context}. */
	public static Map<String, String> devices(EObject context) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String name : DeviceProfiles.NAMES) {
			DeviceProfile p = DeviceProfiles.get(name);
			m.put(name, p == null ? "" : p.description());
		}
		for (Model model : Imports.visibleModels(context)) {
			for (Element e : model.getElements()) {
				if (e instanceof DeviceDef d && d.getName() != null) {
					m.putIfAbsent(d.getName(), "defined from " + d.getBase());
				}
			}
		}
		return m;
	}

	public static Map<String, String> deviceParameters() {
		Map<String, String> m = new LinkedHashMap<>();
		for (DeviceParameter p : DeviceParameter.values()) {
			m.put(p.key(), p.description());
		}
		return m;
	}

	public static Map<String, String> errnos() {
		Map<String, String> m = new LinkedHashMap<>();
		for (String name : Errno.names()) {
			m.put(name, Errno.message(name) + " (" + Errno.byName(name) + ")");
		}
		return m;
	}

	public static Map<String, String> hazards() {
		Map<String, String> m = new LinkedHashMap<>();
		for (Hazard h : Hazard.values()) {
			m.put(h.keyword(), h.description());
		}
		return m;
	}

	/** The fields of a view as the kernel prints them; no view means /proc/PID/status. */
	public static List<String> counters(View view) {
		return view instanceof MeminfoView ? Meminfo.FIELDS
				: view instanceof SmapsView ? Smaps.FIELDS
						: view instanceof DmabufView ? DmabufInfo.FIELDS : view instanceof VmstatView ? ProcVmstat.FIELDS : Status.FIELDS;
	}

	public static List<String> vmFlags() {
		return VmFlags.knownMnemonics();
	}

	/** "a, b, c" for a message. */
	public static String list(Map<String, String> words) {
		return String.join(", ", words.keySet());
	}
}
