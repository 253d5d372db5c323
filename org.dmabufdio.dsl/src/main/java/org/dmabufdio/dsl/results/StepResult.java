package org.dmabufdio.dsl.results;

import java.util.Map;

/**
 * What one step did: its source line and text, its return value or errno, its simulated time
 * and where that time went (ns per kind of work, io_wait for I/O), and the counters after it
 * (status of the process that ran it, meminfo), in kB.
 */
public record StepResult(int line, String text, Long ret, String errno, long timeNs, Map<String, Long> timeSpentNs,
		String process, Map<String, Long> status, Map<String, Long> meminfo, String note) {
}
