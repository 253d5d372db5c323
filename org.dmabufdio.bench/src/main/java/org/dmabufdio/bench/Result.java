package org.dmabufdio.bench;

import java.util.Locale;

/** What one case measured, as the line a child JVM prints and the driver reads back. */
record Result(String id, double medianMs, double firstMs, double rate, double heapMb, double nsPerPage, double loopRatio,
		double bestLoopRatio) {

	static final String PREFIX = "RESULT ";

	String line() {
		return String.format(Locale.ROOT, PREFIX + "%s %.3f %.3f %.3f %.3f %.3f %.3f %.3f", id, medianMs, firstMs, rate, heapMb,
				nsPerPage, loopRatio, bestLoopRatio);
	}

	static Result parse(String line) {
		String[] f = line.substring(PREFIX.length()).trim().split(" ");
		return new Result(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
				Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]));
	}
}
