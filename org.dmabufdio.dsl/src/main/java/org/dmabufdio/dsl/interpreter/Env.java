package org.dmabufdio.dsl.interpreter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.Checkpoint;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.FileDecl;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.results.StepResult;
import org.dmabufdio.runtime.Machine;
import org.dmabufdio.runtime.devices.DeviceProfiles;
import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.kernel.KernelVariant;
import org.dmabufdio.runtime.kernel.Task;
import org.eclipse.emf.ecore.EObject;

/**
 * The state of one running scenario instance: the machine (booted at the first step that needs
 * it), what each name stands for, the most recent buffer, mapping and process for statements
 * that name none, the last outcome, and the snapshots comparisons refer to.
 */
final class Env {

	final String file;
	final Instance instance;
	/** The title of the scenario being run: with the params and round, it seeds the run. */
	String scenarioTitle = "";
	BootParams params = DeviceProfiles.defaultProfile().bootParams();
	String device = DeviceProfiles.NAMES.get(0);
	KernelVariant variant = KernelVariant.byName("baseline");
	Machine machine;
	/** The scenario's own process, which runs every step outside {@code in} blocks. */
	Task init;
	Task current;
	final Map<Declaration, Object> objects = new IdentityHashMap<>();
	final Deque<Map<FragmentParam, Object>> frames = new ArrayDeque<>();
	final List<FileDecl> pendingFiles = new ArrayList<>();
	Handles.Buffer lastBuffer;
	Handles.Mapping lastMapping;
	Task lastChild;
	Handles.Pinned lastPin;
	/** The last step's return value, or null if it returned an error. */
	Long lastRet;
	/** The last step's errno name, or null. */
	String lastErrno;
	Step lastStep;
	/** The last step that was not an assertion: what "assert ok" and "time" refer to. */
	Step lastActionStep;
	final Map<Step, Long> stepTimes = new IdentityHashMap<>();
	long timedTotal;
	boolean anyTimed;
	Snapshot start;
	final Map<Checkpoint, Snapshot> checkpoints = new IdentityHashMap<>();
	final List<StepResult> results = new ArrayList<>();
	final List<Handles.Mapping> mappings = new ArrayList<>();
	final List<Handles.Buffer> buffers = new ArrayList<>();

	final Budget budget;

	Env(String file, Instance instance, Budget budget) {
		this.file = file;
		this.instance = instance;
		this.budget = budget;
	}

	boolean booted() {
		return machine != null;
	}

	List<Handles.Mapping> mappings() {
		return mappings;
	}

	List<Handles.Buffer> buffers() {
		return buffers;
	}

	/** What a declaration stands for now: a fragment argument, or what its step produced. */
	Object lookup(Declaration d, EObject where) {
		if (d instanceof FragmentParam p) {
			for (Map<FragmentParam, Object> frame : frames) {
				if (frame.containsKey(p)) {
					return frame.get(p);
				}
			}
			throw ScenarioException.error(where, "parameter '" + p.getName() + "' is not bound here");
		}
		Object o = objects.get(d);
		if (o == null && d instanceof FileDecl f) {
			return new Handles.File(f.getName());
		}
		if (o == null) {
			throw ScenarioException.error(where, "'" + d.getName() + "' has not been created when this step runs");
		}
		return o;
	}

	/** The process a statement without a process name acts on. */
	Task implicitProcess() {
		if (current != init) {
			return current;
		}
		return lastChild != null ? lastChild : init;
	}
}
