package org.dmabufdio.dsl.ide.highlighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

/**
 * Classifies the text of a scenario into highlighting styles with the language's own lexer, so
 * editors colour exactly what the parser sees (a keyword is whatever the grammar calls one).
 */
public class LexicalHighlighter {

	/** One coloured region of the text. */
	public record Region(int offset, int length, Style style) {
	}

	/** The styles an editor maps to colours. */
	public enum Style {
		KEYWORD, COMMENT, STRING, NUMBER, DEFAULT
	}

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexerProvider;

	@Inject
	private ITokenDefProvider tokenDefProvider;

	/** Every token of {@code text} with its style, in order and without gaps. */
	public List<Region> highlight(String text) {
		Map<Integer, String> names = tokenDefProvider.getTokenDefMap();
		Lexer lexer = lexerProvider.get();
		lexer.setCharStream(new ANTLRStringStream(text));
		List<Region> regions = new ArrayList<>();
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			CommonToken common = (CommonToken) token;
			int start = common.getStartIndex();
			regions.add(new Region(start, common.getStopIndex() - start + 1, styleOf(names.get(token.getType()))));
		}
		return regions;
	}

	private static Style styleOf(String tokenName) {
		if (tokenName == null) {
			return Style.DEFAULT;
		}
		if (tokenName.startsWith("'")) {
			// keywords are quoted in the token table; punctuation stays plain
			return Character.isLetter(tokenName.charAt(1)) ? Style.KEYWORD : Style.DEFAULT;
		}
		return switch (tokenName) {
		case "RULE_SL_COMMENT", "RULE_ML_COMMENT", "RULE_DOC_COMMENT" -> Style.COMMENT;
		case "RULE_STRING" -> Style.STRING;
		case "RULE_INT", "RULE_SIZE", "RULE_DECIMAL", "RULE_DURATION", "RULE_COUNTER" -> Style.NUMBER;
		default -> Style.DEFAULT;
		};
	}
}
