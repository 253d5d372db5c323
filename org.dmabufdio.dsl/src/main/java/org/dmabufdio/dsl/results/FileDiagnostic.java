package org.dmabufdio.dsl.results;

/** A parse or validation problem of a scenario file, at file:line:col. */
public record FileDiagnostic(String file, int line, int column, String severity, String message, String code) {

	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + severity + ": " + message;
	}
}
