package org.dmabufdio.dsl.ide.contentassist;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.CounterCheck;
import org.dmabufdio.dsl.dmabuf.View;
import org.dmabufdio.dsl.util.Vocabulary;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Proposals for the places where the grammar only says "an identifier" but the runtime knows
 * the words: kernels, features, devices, device parameters, errnos, hazards, counters and
 * VmFlags codes, each with its description. Names of buffers, mappings, processes, files and
 * checkpoints come from scoping (cross-references); keywords from the grammar.
 */
public class DmabufIdeContentProposalProvider extends IdeContentProposalProvider {

	/**
	 * Datatype rules that accept keywords only so that keywords can be used as names or tags:
	 * proposing those keywords there would offer every keyword of the language.
	 */
	private static final Set<String> ANY_WORD_RULES = Set.of("Tag", "Name", "Word", "FileName", "FeatureName",
			"CounterName", "FlagName", "SettingValue");

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		// rule.feature; the alternatives of Check (OutcomeFails, CounterCheck ...) are all in rule Check
		String where = GrammarUtil.containingParserRule(assignment).getName() + "." + assignment.getFeature();
		switch (where) {
		case "KernelUse.variant" -> propose(Vocabulary.kernels(), ContentAssistEntry.KIND_VALUE, context, acceptor);
		case "KernelUse.features" -> propose(Vocabulary.features(), ContentAssistEntry.KIND_VALUE, context, acceptor);
		case "DeviceUse.device", "DeviceDef.base" ->
			propose(Vocabulary.devices(context.getRootModel()), ContentAssistEntry.KIND_VALUE, context, acceptor);
		case "Setting.key" -> propose(Vocabulary.deviceParameters(), ContentAssistEntry.KIND_PROPERTY, context, acceptor);
		case "Check.errno" -> propose(Vocabulary.errnos(), ContentAssistEntry.KIND_VALUE, context, acceptor);
		case "Check.hazard" -> propose(Vocabulary.hazards(), ContentAssistEntry.KIND_VALUE, context, acceptor);
		case "Check.field" -> propose(Vocabulary.counters(viewAt(context)), ContentAssistEntry.KIND_FIELD, context, acceptor);
		case "Check.flags" -> propose(Vocabulary.vmFlags(), ContentAssistEntry.KIND_VALUE, context, acceptor);
		case "Step.name" -> {
			// a step's label ("direct: read ..."): the user's word; Xtext's placeholder 'name' among
			// the statement keywords only reads as one more keyword
		}
		default -> super._createProposals(assignment, context, acceptor);
		}
	}

	/** A keyword, with the statement it starts as the language reference writes it ({@link StatementSyntax}). */
	@Override
	protected void _createProposals(Keyword keyword, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		if (!filterKeyword(keyword, context)) {
			return;
		}
		String syntax = StatementSyntax.of(keyword.getValue());
		ContentAssistEntry entry = getProposalCreator().createProposal(keyword.getValue(), context, e -> {
			e.setKind(ContentAssistEntry.KIND_KEYWORD);
			if (syntax != null) {
				e.setDescription(syntax);
			}
		});
		if (entry != null) {
			acceptor.accept(entry, getProposalPriorities().getKeywordPriority(keyword.getValue(), entry));
		}
	}

	/** Punctuation the user types anyway; offering it after every word only hides the words. */
	private static final Set<String> PUNCTUATION = Set.of(";", "{", "}", "(", ")", "[", "]", ",", ".", ":");

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		AbstractRule rule = GrammarUtil.containingRule(keyword);
		boolean anyWord = rule instanceof ParserRule && ANY_WORD_RULES.contains(rule.getName());
		return !anyWord && !PUNCTUATION.contains(keyword.getValue()) && super.filterKeyword(keyword, context);
	}

	/** The view a counter assertion reads: the one just written ('assert meminfo |'), else status. */
	private static View viewAt(ContentAssistContext context) {
		for (EObject o : new EObject[] { context.getCurrentModel(), context.getPreviousModel(), lastComplete(context) }) {
			if (o instanceof CounterCheck c) {
				return c.getView();
			}
			if (o instanceof View v) {
				return v;
			}
		}
		return null;
	}

	private static EObject lastComplete(ContentAssistContext context) {
		INode node = context.getLastCompleteNode();
		return node == null ? null : NodeModelUtils.findActualSemanticObjectFor(node);
	}

	private void propose(List<String> words, String kind, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		for (String w : words) {
			accept(w, "", kind, context, acceptor);
		}
	}

	private void propose(Map<String, String> words, String kind, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		words.forEach((w, description) -> accept(w, description, kind, context, acceptor));
	}

	private void accept(String word, String description, String kind, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		ContentAssistEntry entry = getProposalCreator().createProposal(word, context, e -> {
			e.setKind(kind);
			if (!description.isEmpty()) {
				e.setDescription(description);
			}
		});
		if (entry != null) {
			acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
		}
	}
}
