package org.dmabufdio.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of a run on a terminal: done/total, failures so far, and the time left at
 * the pace so far. It is redrawn in place ({@code \r}, then erase to the end of the line) and
 * erased before anything else is printed, so it never stays in the output; it is only used when
 * standard output is a terminal and carries text.
 */
final class Progress {

	private final PrintStream out;
	private final long total;
	private final LongSupplier clock;
	private final long start;
	private long done;
	private long failed;
	private boolean shown;

	Progress(PrintStream out, long total, LongSupplier nanoClock) {
		this.out = out;
		this.total = total;
		this.clock = nanoClock;
		this.start = nanoClock.getAsLong();
	}

	/** One more instance finished. */
	void finished(boolean passed) {
		done++;
		failed += passed ? 0 : 1;
	}

	/** The line as it is drawn. */
	String line() {
		StringBuilder s = new StringBuilder();
		s.append('[').append(done).append('/').append(total).append("] ").append(failed).append(failed == 1 ? " failure" : " failures");
		if (done > 0 && done < total) {
			long left = (clock.getAsLong() - start) / done * (total - done) / 1_000_000_000L;
			s.append(String.format(Locale.ROOT, ", about %d:%02d left", left / 60, left % 60));
		}
		return s.toString();
	}

	void draw() {
		out.print("\r" + line() + "\033[K");
		out.flush();
		shown = true;
	}

	void erase() {
		if (shown) {
			out.print("\r\033[K");
			shown = false;
		}
	}
}
