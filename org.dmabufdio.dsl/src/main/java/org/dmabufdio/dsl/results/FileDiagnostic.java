package org.dmabufdio.dsl.results;

import org.dmabufdio.dsl.util.Quotes;

/**
 * A parse or validation problem of a scenario file, at file:line:col; {@link #toString()} is one
 * line whatever the file holds.
 */
public record FileDiagnostic(String file, int line, int column, String severity, String message, String code) {

	/** The one line the command line prints, control characters in path and message escaped. */
	@Override
	public String toString() {
		return Quotes.escapeControls(file) + ":" + line + ":" + column + ": " + severity + ": " + Quotes.escapeControls(message);
	}
}
