package org.dmabufdio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The terminal's progress line, on a clock the test moves. */
class ProgressTest {

	@Test
	void countsFailuresAndEstimatesTheTimeLeftFromThePaceSoFar() {
		AtomicLong now = new AtomicLong(0);
		Progress p = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 10, now::get);
		assertEquals("[0/10] 0 failures", p.line());
		now.set(2_000_000_000L); // two seconds for the first two: eight more take eight seconds
		p.finished(true);
		p.finished(false);
		assertEquals("[2/10] 1 failure, about 0:08 left", p.line());
		now.set(150_000_000_000L);
		p.finished(false);
		assertEquals("[3/10] 2 failures, about 5:50 left", p.line());
		for (int i = 0; i < 7; i++) {
			p.finished(true);
		}
		assertEquals("[10/10] 2 failures", p.line(), "nothing left to estimate");
	}

	@Test
	void itIsDrawnInPlaceAndErasedWithoutATrace() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		Progress p = new Progress(out, 2, () -> 0);
		p.erase(); // nothing drawn: nothing to erase
		p.draw();
		p.erase();
		out.print("PASS  a.dmabuf: a\n");
		assertEquals("\r[0/2] 0 failures\033[K\r\033[KPASS  a.dmabuf: a\n", bytes.toString(StandardCharsets.UTF_8));
	}
}
