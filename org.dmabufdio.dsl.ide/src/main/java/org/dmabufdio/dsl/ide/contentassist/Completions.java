package org.dmabufdio.dsl.ide.contentassist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Content assist at an offset of a scenario text: the one entry point the Eclipse editor and
 * tests use (the language server has Xtext's own ContentAssistService over the same provider).
 */
public class Completions {

	@Inject
	private Provider<ContentAssistContextFactory> contextFactories;

	@Inject
	private Provider<IdeContentProposalAcceptor> acceptors;

	@Inject
	private IdeContentProposalProvider proposals;

	@Inject
	private ExecutorService pool;

	/** Proposals for {@code offset} in {@code text}, best first; {@code resource} holds that text parsed. */
	public List<ContentAssistEntry> at(XtextResource resource, String text, int offset) {
		ContentAssistContextFactory factory = contextFactories.get();
		factory.setPool(pool);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = acceptors.get();
		proposals.createProposals(Arrays.asList(contexts), acceptor);
		List<ContentAssistEntry> out = new ArrayList<>();
		acceptor.getEntries().forEach(out::add);
		return out;
	}
}
