package org.dmabufdio.runtime.fs.proc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dmabufdio.runtime.kernel.Kernel;
import org.dmabufdio.runtime.mm.NodeStat;
import org.dmabufdio.runtime.mm.VmEvent;

/**
 * /proc/vmstat (mm/vmstat.c: vmstat_show()): the page counters in pages and the events as counts,
 * under the kernel's names; pgpgin and pgpgout are the KiB submit_bio() moved, read off the block
 * device.
 */
public final class ProcVmstat {

	/** The fields {@link #show} gives, in order. */
	public static final List<String> FIELDS;

	static {
		List<String> f = new ArrayList<>();
		for (NodeStat s : NodeStat.values()) {
			if (s.vmstatName() != null) {
				f.add(s.vmstatName());
			}
		}
		f.add("pgpgin");
		f.add("pgpgout");
		for (VmEvent e : VmEvent.values()) {
			if (e.vmstatName() != null) {
				f.add(e.vmstatName());
			}
		}
		FIELDS = Collections.unmodifiableList(f);
	}

	private ProcVmstat() {
	}

	public static Map<String, Long> show(Kernel k) {
		Map<String, Long> m = new LinkedHashMap<>();
		for (NodeStat s : NodeStat.values()) {
			if (s.vmstatName() != null) {
				m.put(s.vmstatName(), k.vmstat.get(s));
			}
		}
		m.put("pgpgin", k.bdev.bytesRead() >> 10);
		m.put("pgpgout", k.bdev.bytesWritten() >> 10);
		for (VmEvent e : VmEvent.values()) {
			if (e.vmstatName() != null) {
				m.put(e.vmstatName(), k.vmstat.events(e));
			}
		}
		return m;
	}
}
