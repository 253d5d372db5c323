package org.dmabufdio.dsl.results;

import java.util.List;
import java.util.Locale;

import org.dmabufdio.dsl.util.Quotes;

/**
 * The character-level half of the HTML report, kept out of its template: text from a scenario
 * file (names, messages, step text, file names) escaped for HTML, and JSON that is safe inside
 * a {@code <script>} element, whatever the file holds.
 */
final class HtmlEscapes {

	private HtmlEscapes() {
	}

	/**
	 * {@code s} as HTML text or attribute value: markup characters as entities, control characters
	 * as the text report writes them (so a message stays on one line); null is empty.
	 */
	static String html(String s) {
		if (s == null) {
			return "";
		}
		String t = Quotes.escapeControls(s);
		StringBuilder out = new StringBuilder(t.length() + 16);
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			switch (c) {
			case '&' -> out.append("&amp;");
			case '<' -> out.append("&lt;");
			case '>' -> out.append("&gt;");
			case '"' -> out.append("&quot;");
			case '\'' -> out.append("&#39;");
			default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A JSON string literal that can stand inside {@code <script>}: besides JSON's own escapes,
	 * {@code <}, {@code >} and {@code &} are written as {@code \u003c} ..., so neither
	 * {@code </script>} nor {@code <!--} can end or change the element; U+2028 and U+2029 too.
	 */
	static void jsonString(StringBuilder out, String s) {
		if (s == null) {
			out.append("null");
			return;
		}
		JsonReport.string(out, s, true);
	}

	/** A JSON number, or null for a missing or non-finite value (JSON has no NaN). */
	static void jsonNumber(StringBuilder out, Number n) {
		if (n == null || n instanceof Double d && !Double.isFinite(d) || n instanceof Float f && !Float.isFinite(f)) {
			out.append("null");
		} else if (n instanceof Double || n instanceof Float) {
			out.append(String.format(Locale.ROOT, "%.3f", n.doubleValue()));
		} else {
			out.append(n.longValue());
		}
	}

	/** A JSON array of strings. */
	static void jsonStrings(StringBuilder out, List<String> values) {
		out.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			jsonString(out, values.get(i));
		}
		out.append(']');
	}

	/** A JSON array of numbers, null where a value is missing. */
	static void jsonNumbers(StringBuilder out, List<? extends Number> values) {
		out.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			jsonNumber(out, values.get(i));
		}
		out.append(']');
	}

	/** Milliseconds as the report prints them, "-" where nothing was measured. */
	static String ms(Double ms) {
		return ms == null || !Double.isFinite(ms) ? "-" : String.format(Locale.ROOT, "%.0f", ms);
	}

	/** A counter in kB with thousands separators, empty where the step did not report it. */
	static String kb(Long kb) {
		return kb == null ? "" : String.format(Locale.ROOT, "%,d", kb);
	}
}
