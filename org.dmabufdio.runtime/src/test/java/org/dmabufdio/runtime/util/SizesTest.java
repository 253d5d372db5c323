package org.dmabufdio.runtime.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Sizes as memparse() reads them, up to the 2^62 bytes a scenario can name. */
class SizesTest {

	@Test
	void everyMemparseSuffixIsBinary() {
		assertEquals(4096, Sizes.bytes("4K"));
		assertEquals(3L << 40, Sizes.bytes("3T"));
		assertEquals(1L << 50, Sizes.bytes("1P"));
		assertEquals(1L << 60, Sizes.bytes("1E"));
		assertEquals(1L << 50, Sizes.bytes("1PiB"));
		assertEquals(3L << 60, Sizes.bytes("3EiB"));
		assertEquals(1536, Sizes.bytes("1.5kB"));
	}

	@Test
	void decimalsRoundDownToAByte() {
		assertEquals(3446711255L, Sizes.bytes("3.21G"));
		assertEquals((1L << 49) * 3, Sizes.bytes("1.5P"));
	}

	@Test
	void beyondTwoToTheSixtyTwoIsRefused() {
		assertEquals(0x3FFF_FFFF_FFFF_FFFFL, Sizes.bytes("4611686018427387903B"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.bytes("4E"));
		assertEquals("4E is beyond the 2^62 bytes a scenario can name", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Sizes.bytes("3Z"));
	}

	@Test
	void formatUsesTheLargestUnitThatFits() {
		assertEquals("1000B", Sizes.format(1000));
		assertEquals("4K", Sizes.format(4096));
		assertEquals("1.5M", Sizes.format(3L << 19));
		assertEquals("1T", Sizes.format(1L << 40));
		assertEquals("2P", Sizes.format(2L << 50));
		assertEquals("1E", Sizes.format(1L << 60));
	}
}
