package org.dmabufdio.dsl.ide.contentassist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each statement keyword takes, as the language reference ({@code docs/language.md},
 * packaged with this bundle) writes it in its tables: {@code alloc} is
 * {@code alloc SIZE from system|cma heap [as NAME]}. Content assist shows it beside the
 * keyword, so the reference stays the one place that says it.
 */
public final class StatementSyntax {

	private static final Map<String, String> BY_KEYWORD = read();

	private StatementSyntax() {
	}

	/** The statement a keyword starts, as the reference writes it; null if it starts none. */
	public static String of(String keyword) {
		return BY_KEYWORD.get(keyword);
	}

	/** Every keyword the reference documents a statement for, with its syntax. */
	public static Map<String, String> all() {
		return BY_KEYWORD;
	}

	/** The first cell of each table row that starts with code: {@code | `alloc SIZE ...` | ...}. */
	private static Map<String, String> read() {
		Map<String, String> out = new LinkedHashMap<>();
		try (InputStream in = StatementSyntax.class.getResourceAsStream("language.md")) {
			if (in == null) {
				return Collections.emptyMap(); // a build without the reference: no descriptions
			}
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				if (!line.startsWith("| `")) {
					continue;
				}
				int end = line.indexOf('`', 3);
				if (end < 0) {
					continue;
				}
				String syntax = line.substring(3, end).replace("\\|", "|");
				String keyword = syntax.split("[ \\[(]", 2)[0];
				if (!keyword.isEmpty() && Character.isLetter(keyword.charAt(0))) {
					out.putIfAbsent(keyword, syntax);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Collections.unmodifiableMap(out);
	}
}
