package org.dmabufdio.dsl.interpreter;

import org.dmabufdio.runtime.kernel.Errno;

/** What a step returned: a value, an errno, or nothing (assertions, setup). */
record Outcome(Long ret, String errno, String note) {

	static final Outcome NONE = new Outcome(null, null, null);

	/** From a syscall-style return: >= 0 a value, < 0 an errno. */
	static Outcome of(long ret) {
		return ret < 0 ? new Outcome(null, Errno.name(ret), null) : new Outcome(ret, null, null);
	}

	static Outcome of(long ret, String note) {
		return ret < 0 ? new Outcome(null, Errno.name(ret), note) : new Outcome(ret, null, note);
	}

	boolean failed() {
		return errno != null;
	}
}
