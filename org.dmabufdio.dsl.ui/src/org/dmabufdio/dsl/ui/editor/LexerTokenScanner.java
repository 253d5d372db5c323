package org.dmabufdio.dsl.ui.editor;

import java.util.List;

import org.dmabufdio.dsl.ide.highlighting.LexicalHighlighter;
import org.dmabufdio.dsl.ide.highlighting.LexicalHighlighter.Region;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.jface.resource.JFaceResources;

import com.google.inject.Injector;

/**
 * A JFace token scanner over the regions the language's lexer finds (see
 * {@link LexicalHighlighter}), clipped to the damaged range. The whole document is lexed, because
 * a comment or string may start before that range; scenario files are small.
 */
class LexerTokenScanner implements ITokenScanner {

	private final LexicalHighlighter highlighter;
	private final IToken keyword = token(new RGB(127, 0, 85), SWT.BOLD);
	private final IToken comment = token(new RGB(63, 127, 95), SWT.NORMAL);
	private final IToken string = token(new RGB(42, 0, 255), SWT.NORMAL);
	private final IToken number = token(new RGB(18, 90, 140), SWT.NORMAL);

	private List<Region> regions = List.of();
	private int index;
	private int start;
	private int end;
	private int tokenOffset;
	private int tokenLength;

	LexerTokenScanner(Injector injector) {
		this.highlighter = injector.getInstance(LexicalHighlighter.class);
	}

	private static IToken token(RGB rgb, int style) {
		return new Token(new TextAttribute(JFaceResources.getResources().createColor(rgb), null, style));
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		try {
			regions = highlighter.highlight(document.get(0, document.getLength()));
		} catch (BadLocationException e) {
			regions = List.of();
		}
		start = offset;
		end = offset + length;
		index = 0;
		while (index < regions.size() && regions.get(index).offset() + regions.get(index).length() <= offset) {
			index++;
		}
	}

	@Override
	public IToken nextToken() {
		if (index >= regions.size() || regions.get(index).offset() >= end) {
			return Token.EOF;
		}
		Region region = regions.get(index++);
		tokenOffset = Math.max(start, region.offset());
		tokenLength = Math.min(end, region.offset() + region.length()) - tokenOffset;
		return switch (region.style()) {
		case KEYWORD -> keyword;
		case COMMENT -> comment;
		case STRING -> string;
		case NUMBER -> number;
		case DEFAULT -> Token.UNDEFINED;
		};
	}

	@Override
	public int getTokenOffset() {
		return tokenOffset;
	}

	@Override
	public int getTokenLength() {
		return tokenLength;
	}
}
