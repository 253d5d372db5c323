package org.dmabufdio.dsl.ide.hover;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/** The language server's hovers: what {@link HoverTexts} says, as plain text. */
public class DmabufHoverService extends HoverService {

	@Inject
	private HoverTexts texts;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		return texts.at(resource, offset)
				.map(h -> new Hover(new MarkupContent(MarkupKind.PLAINTEXT, h.text()),
						new Range(document.getPosition(h.offset()), document.getPosition(h.offset() + h.length()))))
				.orElse(EMPTY_HOVER);
	}
}
