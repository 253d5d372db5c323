package org.dmabufdio.dsl.results;

import org.dmabufdio.dsl.util.Quotes;

/**
 * A parse or validation problem of a scenario file, at file:line:col: one line whatever the file
 * holds (control characters in its path or message are escaped).
 */
public record FileDiagnostic(String file, int line, int column, String severity, String message, String code) {

	public FileDiagnostic {
		file = Quotes.escapeControls(file);
		message = Quotes.escapeControls(message);
	}

	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + severity + ": " + message;
	}
}
