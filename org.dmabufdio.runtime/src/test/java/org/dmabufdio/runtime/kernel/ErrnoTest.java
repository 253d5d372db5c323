package org.dmabufdio.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Errno names, numbers and strerror() texts (include/uapi/asm-generic/errno-base.h). */
class ErrnoTest {

	@Test
	void everyErrnoHasItsNumberAndItsMessage() {
		assertEquals(14, Errno.byName("EFAULT"));
		assertEquals("EFAULT", Errno.name(-Errno.EFAULT));
		assertEquals("Bad address", Errno.message("EFAULT"));
		assertEquals("Invalid argument", Errno.message("EINVAL"));
		for (String name : Errno.names()) {
			assertFalse(Errno.message(name).isEmpty(), name + " has no message");
		}
		assertEquals("", Errno.message("ENOTANERRNO"));
	}
}
