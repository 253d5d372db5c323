package org.dmabufdio.dsl.validation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Parser messages in the words of the language: ANTLR's "expecting RULE_DURATION" reads
 * "expecting a duration (10ms, 2s)".
 */
public class DmabufSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	private static final Map<String, String> TERMINALS = Map.of(
			"RULE_DURATION", "a duration (10ms, 2s)",
			"RULE_SIZE", "a size (3G, 512K)",
			"RULE_INT", "a number",
			"RULE_DECIMAL", "a decimal number",
			"RULE_ID", "a name",
			"RULE_STRING", "a quoted string",
			"RULE_VAR", "a $parameter",
			"RULE_LABEL", "a step label (name:)");

	private static final Pattern RULE = Pattern.compile("RULE_[A-Z_]+");

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage m = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(readable(m.getMessage()), m.getIssueCode(), m.getIssueData());
	}

	/** The message with terminal rule names and ANTLR's end-of-file token said in words. */
	public static String readable(String message) {
		if (message == null) {
			return null;
		}
		String m = message;
		if (m.startsWith("mismatched character '<EOF>' expecting '\"'")) {
			m = "the quoted string is not closed before the end of the file";
		} else if (m.startsWith("mismatched input '<EOF>' expecting ")) {
			m = "the file ends where " + m.substring("mismatched input '<EOF>' expecting ".length()) + " was expected";
		} else if (m.startsWith("no viable alternative at input ")) {
			m = "unexpected " + m.substring("no viable alternative at input ".length()) + " here";
		} else if (m.startsWith("extraneous input ")) {
			m = "unexpected " + m.substring("extraneous input ".length()).replaceFirst(" expecting ", ": expecting ");
		}
		Matcher matcher = RULE.matcher(m.replace("'<EOF>'", "the end of the file"));
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(TERMINALS.getOrDefault(matcher.group(), matcher.group())));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
