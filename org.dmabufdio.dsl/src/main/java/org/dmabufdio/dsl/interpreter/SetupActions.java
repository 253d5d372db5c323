package org.dmabufdio.dsl.interpreter;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.Argument;
import org.dmabufdio.dsl.dmabuf.Checkpoint;
import org.dmabufdio.dsl.dmabuf.DeviceUse;
import org.dmabufdio.dsl.dmabuf.DropCaches;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.KernelUse;
import org.dmabufdio.dsl.dmabuf.RefArgument;
import org.dmabufdio.dsl.dmabuf.Setting;
import org.dmabufdio.dsl.dmabuf.Setup;
import org.dmabufdio.dsl.dmabuf.SizeArgument;
import org.dmabufdio.dsl.dmabuf.Sleep;
import org.dmabufdio.dsl.dmabuf.Stress;
import org.dmabufdio.dsl.dmabuf.Use;
import org.dmabufdio.dsl.util.Devices;
import org.dmabufdio.runtime.Machine;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.Feature;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.util.Sizes;
import org.eclipse.emf.ecore.EObject;

/** Device, kernel, files, memory pressure, checkpoints and fragments: what a scenario sets up. */
final class SetupActions {

	private final Env env;
	private final Interpreter interpreter;

	SetupActions(Env env, Interpreter interpreter) {
		this.env = env;
		this.interpreter = interpreter;
	}

	Outcome run(Setup s) {
		if (s instanceof DeviceUse d) {
			return device(d);
		}
		if (s instanceof KernelUse k) {
			return kernel(k);
		}
		if (s instanceof FileDecl f) {
			return file(f);
		}
		if (s instanceof Stress st) {
			boot(st);
			long bytes = Values.size(env, st.getSize());
			if (bytes > 0) {
				env.machine.stress(bytes, st.getThreads());
			}
			return Outcome.NONE;
		}
		if (s instanceof DropCaches d) {
			boot(d);
			env.machine.dropCaches();
			return Outcome.NONE;
		}
		if (s instanceof Sleep sl) {
			boot(sl);
			env.machine.sleep(Sizes.nanos(sl.getDuration()));
			return Outcome.NONE;
		}
		if (s instanceof Checkpoint c) {
			boot(c);
			env.checkpoints.put(c, Snapshot.take(env));
			return Outcome.NONE;
		}
		return use((Use) s);
	}

	/** Boots the machine as configured so far, if it is not running yet. */
	void boot(EObject where) {
		if (env.booted()) {
			return;
		}
		BootParams p = env.params;
		p.seed = seedOf(env);
		env.machine = new Machine(p, env.variant);
		env.machine.kernel().limitWork(env.budget.maxWork(), System.nanoTime() + env.budget.maxWallNs(), env.budget.maxHeapShare());
		env.init = env.machine.spawn("app");
		env.current = env.init;
		for (FileDecl f : env.pendingFiles) {
			create(f);
		}
		env.pendingFiles.clear();
	}

	/**
	 * One seed per instance: the same scenario, params and round run the same, bit for bit,
	 * wherever the file is and however its path was written.
	 */
	private static long seedOf(Env env) {
		return (env.scenarioTitle + "|" + env.instance.paramsByName() + "|" + env.instance.round()).hashCode()
				* 0x9E3779B97F4A7C15L;
	}

	private Outcome device(DeviceUse d) {
		if (env.booted()) {
			throw ScenarioException.error(d, "device must come before the first step that uses the machine");
		}
		String name = d.getParam() != null ? Values.param(env, d.getParam(), d) : d.getDevice();
		BootParams params;
		try {
			params = Devices.bootParams(d, name);
		} catch (IllegalArgumentException e) {
			throw ScenarioException.error(d, e.getMessage());
		}
		if (params == null) {
			throw ScenarioException.error(d, "unknown device '" + name + "'");
		}
		for (Setting s : d.getSettings()) {
			try {
				Devices.apply(params, s.getKey(), s.getParam() != null ? Values.param(env, s.getParam(), s) : s.getValue());
			} catch (IllegalArgumentException e) {
				throw ScenarioException.error(s, e.getMessage());
			}
		}
		env.params = params;
		env.device = name;
		return Outcome.NONE;
	}

	private Outcome kernel(KernelUse k) {
		if (env.booted()) {
			throw ScenarioException.error(k, "kernel must come before the first step that uses the machine");
		}
		String name = k.getParam() != null ? Values.param(env, k.getParam(), k) : k.getVariant();
		KernelVariant v = KernelVariant.byName(name);
		if (v == null) {
			throw ScenarioException.error(k, "unknown kernel '" + name + "'");
		}
		Set<Feature> features = EnumSet.noneOf(Feature.class);
		for (String f : k.getFeatures()) {
			Feature feature = Feature.byKeyword(f);
			if (feature == null) {
				throw ScenarioException.error(k, "unknown kernel feature '" + f + "'");
			}
			features.add(feature);
		}
		env.variant = v.with(features);
		return Outcome.NONE;
	}

	private Outcome file(FileDecl f) {
		if (env.booted()) {
			create(f);
		} else {
			env.pendingFiles.add(f);
		}
		return Outcome.NONE;
	}

	private void create(FileDecl f) {
		long size = Values.size(env, f.getSize());
		String fs = org.dmabufdio.dsl.util.Locations.isWritten(f, org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.FILE_DECL__FS)
				? f.getFs().getLiteral()
				: env.params.filesystem;
		int block = f.getBlockSize() != null ? (int) Values.size(env, f.getBlockSize()) : env.params.fsBlockSize;
		env.machine.createFile(f.getName(), size, fs, block);
		env.objects.put(f, new Handles.File(f.getName()));
	}

	/** {@code use FRAGMENT(args)}: runs the fragment's steps with its parameters bound. */
	private Outcome use(Use u) {
		Fragment fragment = u.getTarget();
		if (fragment.getParams().size() != u.getArgs().size()) {
			throw ScenarioException.error(u, fragment.getName() + " takes " + fragment.getParams().size() + " arguments");
		}
		if (env.frames.size() >= Budget.MAX_FRAGMENT_DEPTH) {
			throw ScenarioException.error(u, "fragments call fragments more than " + Budget.MAX_FRAGMENT_DEPTH
					+ " deep here (at " + fragment.getName() + "); that is the limit");
		}
		Map<FragmentParam, Object> frame = new HashMap<>();
		for (int i = 0; i < u.getArgs().size(); i++) {
			Argument a = u.getArgs().get(i);
			Object value = a instanceof SizeArgument s ? (Object) Values.size(env, s.getSize())
					: env.lookup(((RefArgument) a).getRef(), a);
			frame.put(fragment.getParams().get(i), value);
		}
		env.frames.push(frame);
		try {
			interpreter.runSteps(fragment.getSteps());
		} finally {
			env.frames.pop();
		}
		return Outcome.NONE;
	}
}
