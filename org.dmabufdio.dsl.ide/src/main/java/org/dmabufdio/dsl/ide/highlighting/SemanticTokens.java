package org.dmabufdio.dsl.ide.highlighting;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic tokens for the language server (its {@code textDocument/semanticTokens}): each token
 * of a file classified by what the grammar says it is, with LSP's token type names as Xtext's
 * semantic tokens service maps them. Kernels, kernel features and errnos are
 * {@code enumMember}s of the tool's own vocabulary ({@code defaultLibrary}); counters
 * ({@code VmRSS}, {@code Cached}) {@code property}; sizes, counts and durations {@code number};
 * the names a scenario declares ({@code as buf}, fragments, files) {@code variable} with
 * {@code declaration}, and their uses {@code variable}; {@code $param} a {@code parameter};
 * keywords, strings and comments as such. Punctuation and plain words get no token.
 */
public class SemanticTokens implements ISemanticHighlightingCalculator {

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
			return;
		}
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (cancel != null && cancel.isCanceled()) {
				return;
			}
			String[] ids = classify(leaf);
			// a line comment's token holds its line break: a token stays on its line
			String text = leaf.getText();
			int length = text.length();
			while (length > 0 && (text.charAt(length - 1) == '\n' || text.charAt(length - 1) == '\r')) {
				length--;
			}
			if (ids != null && length > 0) {
				acceptor.addPosition(leaf.getOffset(), length, ids);
			}
		}
	}

	/** LSP token type (and modifiers) of a leaf, or null for none. */
	static String[] classify(ILeafNode leaf) {
		EObject element = leaf.getGrammarElement();
		if (leaf.isHidden()) {
			return element instanceof TerminalRule t && t.getName().endsWith("COMMENT") ? new String[] { "comment" } : null;
		}
		Assignment assignment = assignmentOf(leaf);
		String feature = assignment == null ? "" : assignment.getFeature();
		boolean reference = element != null && EcoreUtil2.getContainerOfType(element, CrossReference.class) != null;
		switch (feature) {
		case "variant", "features", "errno":
			return new String[] { "enumMember", "defaultLibrary" };
		case "field":
			return new String[] { "property", "defaultLibrary" };
		case "name":
			if (!reference && !(element instanceof Keyword)) {
				return new String[] { "variable", "declaration" };
			}
			break;
		default:
			break;
		}
		if (reference) {
			return ruleName(element).equals("VAR") ? new String[] { "parameter" } : new String[] { "variable" };
		}
		if (element instanceof Keyword k) {
			return Character.isLetter(k.getValue().charAt(0)) ? new String[] { "keyword" } : null;
		}
		return switch (ruleName(element)) {
		case "SIZE", "INT", "DECIMAL", "DURATION" -> new String[] { "number" };
		case "STRING" -> new String[] { "string" };
		case "VAR" -> new String[] { "parameter" };
		default -> null;
		};
	}

	/**
	 * The assignment a leaf's text goes to: its own grammar element's, or, inside a data type rule
	 * (a counter's name, a kernel feature), that of the call of that rule; none once the climb
	 * reaches the call of a rule that makes an object of its own.
	 */
	private static Assignment assignmentOf(ILeafNode leaf) {
		for (INode n = leaf; n != null; n = n.getParent()) {
			EObject g = n.getGrammarElement();
			Assignment a = g == null ? null : EcoreUtil2.getContainerOfType(g, Assignment.class);
			if (a != null) {
				return a;
			}
			if (g instanceof AbstractRule || n != leaf && g instanceof RuleCall rc && rc.getRule() instanceof ParserRule rule
					&& !GrammarUtil.isDatatypeRule(rule)) {
				return null;
			}
		}
		return null;
	}

	private static String ruleName(EObject element) {
		if (element instanceof CrossReference cr) {
			return ruleName(cr.getTerminal());
		}
		if (element instanceof RuleCall rc && rc.getRule() != null) {
			return rc.getRule().getName();
		}
		if (element instanceof AbstractRule r) {
			return r.getName();
		}
		return "";
	}
}
