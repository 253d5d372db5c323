package org.dmabufdio.runtime.fs.proc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dmabufdio.runtime.mm.MmStruct;
import org.dmabufdio.runtime.mm.Vma;
import org.dmabufdio.runtime.util.Units;

/** The memory lines of /proc/PID/status ({@code task_mem()}, fs/proc/task_mmu.c), in kB. */
public final class Status {

	/** The fields {@link #show} gives, in order. */
	public static final java.util.List<String> FIELDS = java.util.List.of("VmSize", "VmHWM", "VmRSS", "RssAnon",
			"RssFile", "RssShmem", "VmSwap");

	private Status() {
	}

	public static Map<String, Long> show(MmStruct mm) {
		long file = mm.getMmCounter(MmStruct.MM_FILEPAGES);
		long anon = mm.getMmCounter(MmStruct.MM_ANONPAGES);
		long shmem = mm.getMmCounter(MmStruct.MM_SHMEMPAGES);
		long totalVm = mm.vmas().stream().mapToLong(Vma::pages).sum();
		Map<String, Long> m = new LinkedHashMap<>();
		m.put("VmSize", Units.kb(totalVm));
		m.put("VmHWM", Units.kb(mm.hiwaterRss()));
		m.put("VmRSS", Units.kb(anon + file + shmem));
		m.put("RssAnon", Units.kb(anon));
		m.put("RssFile", Units.kb(file));
		m.put("RssShmem", Units.kb(shmem));
		m.put("VmSwap", Units.kb(mm.getMmCounter(MmStruct.MM_SWAPENTS)));
		return m;
	}
}
