package org.dmabufdio.dsl.util;

/** Values a scenario may quote ("??", "model v2.bin") are used without their quotes. */
public final class Quotes {

	private Quotes() {
	}

	public static String unquote(String v) {
		return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
	}
}
