package org.dmabufdio.dsl.interpreter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counters a step result carries, by the kernel's names, in kB. */
final class Counters {

	static final List<String> RSS = List.of("VmRSS", "RssAnon", "RssFile", "RssShmem");
	static final List<String> MEMINFO = List.of("MemTotal", "MemFree", "MemAvailable", "Cached", "Mapped", "Shmem",
			"AnonPages");

	private Counters() {
	}

	static Map<String, Long> rss(Map<String, Long> status) {
		return pick(status, RSS);
	}

	static Map<String, Long> meminfo(Map<String, Long> meminfo) {
		return pick(meminfo, MEMINFO);
	}

	private static Map<String, Long> pick(Map<String, Long> all, List<String> keys) {
		Map<String, Long> m = new LinkedHashMap<>();
		for (String k : keys) {
			m.put(k, all.getOrDefault(k, 0L));
		}
		return m;
	}
}
