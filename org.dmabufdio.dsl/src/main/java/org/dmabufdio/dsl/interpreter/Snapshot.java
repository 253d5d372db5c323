package org.dmabufdio.dsl.interpreter;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.dmabufdio.runtime.Machine;
import org.dmabufdio.runtime.fs.proc.Smaps;
import org.dmabufdio.runtime.kernel.Task;

/** The counters at one moment (scenario start or a checkpoint), for "unchanged" and "increased by". */
record Snapshot(Map<Integer, Map<String, Long>> status, Map<String, Long> meminfo, Map<String, Long> vmstat,
		Map<Handles.Mapping, Map<String, Long>> smaps, Map<Handles.Buffer, Map<String, Long>> dmabufs) {

	static Snapshot take(Env env) {
		Machine m = env.machine;
		Map<Integer, Map<String, Long>> status = new HashMap<>();
		for (Task t : m.kernel().tasks()) {
			status.put(t.pid, m.status(t));
		}
		Map<Handles.Mapping, Map<String, Long>> smaps = new IdentityHashMap<>();
		for (Handles.Mapping mapping : env.mappings()) {
			Smaps.Entry e = m.smapsAt(mapping.task(), mapping.addr());
			if (e != null) {
				smaps.put(mapping, e.fields());
			}
		}
		Map<Handles.Buffer, Map<String, Long>> dmabufs = new IdentityHashMap<>();
		for (Handles.Buffer b : env.buffers()) {
			dmabufs.put(b, Views.dmabuf(b));
		}
		return new Snapshot(status, m.meminfo(), m.vmstat(), smaps, dmabufs);
	}
}
