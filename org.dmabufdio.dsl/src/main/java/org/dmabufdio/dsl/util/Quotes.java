package org.dmabufdio.dsl.util;

/**
 * Values a scenario may quote ("??", "model v2.bin") are used without their quotes; a message
 * that quotes one shows it on one line, its control characters escaped, so every diagnostic
 * stays one {@code file:line:col: message} line whatever a file holds.
 */
public final class Quotes {

	private Quotes() {
	}

	public static String unquote(String v) {
		return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
	}

	/** {@code v} in double quotes for a message. */
	public static String quote(String v) {
		return "\"" + v + "\"";
	}

	/**
	 * {@code s} with every control character (line breaks, tabs, escape sequences, C1 controls,
	 * line and paragraph separators) written as a Java escape: {@code \n}, {@code \t},
	 * {@code \u001b}. Null stays null.
	 */
	public static String escapeControls(String s) {
		if (s == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
			if (control && out == null) {
				out = new StringBuilder(s.length() + 8).append(s, 0, i);
			}
			if (out == null) {
				continue;
			}
			if (!control) {
				out.append(c);
			} else if (c == '\n') {
				out.append("\\n");
			} else if (c == '\r') {
				out.append("\\r");
			} else if (c == '\t') {
				out.append("\\t");
			} else {
				out.append(String.format("\\u%04x", (int) c));
			}
		}
		return out == null ? s : out.toString();
	}
}
