package org.dmabufdio.dsl.ide.server;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.util.ITextRegion;

/**
 * A document that reads every position a client sends as the LSP specification says: a
 * character past the end of its line means the end of that line; a line past the end of the
 * document means its end; negative numbers mean 0; a range that ends before it starts is empty.
 * Xtext's own document throws for all of these, and the answer was a stack trace.
 */
final class ClampedDocument extends Document {

	ClampedDocument(Document d) {
		super(d.getVersion(), d.getContents(), false);
	}

	@Override
	public int getOffSet(Position position) {
		return super.getOffSet(clamp(position));
	}

	@Override
	public ITextRegion getTextRegion(Range range) {
		return super.getTextRegion(clamp(range));
	}

	/** The nearest range that exists in this document; empty at its start if it ends before it starts. */
	Range clamp(Range range) {
		Position start = clamp(range == null ? null : range.getStart());
		Position end = clamp(range == null ? null : range.getEnd());
		if (end.getLine() < start.getLine() || end.getLine() == start.getLine() && end.getCharacter() < start.getCharacter()) {
			end = start;
		}
		return new Range(start, end);
	}

	@Override
	public String getLineContent(int lineNumber) {
		return super.getLineContent(Math.max(0, Math.min(lineNumber, lastLine(getContents()))));
	}

	/** The nearest position that exists in this document. */
	Position clamp(Position p) {
		String text = getContents();
		if (p == null || p.getLine() < 0) {
			return new Position(0, 0);
		}
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < text.length() && line < p.getLine(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		int lineEnd = text.indexOf('\n', lineStart);
		int length = (lineEnd < 0 ? text.length() : lineEnd) - lineStart;
		if (line < p.getLine()) {
			return new Position(line, length); // past the last line: the end of the document
		}
		return new Position(line, Math.max(0, Math.min(p.getCharacter(), length)));
	}

	private static int lastLine(String text) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				n++;
			}
		}
		return n;
	}
}
