package org.dmabufdio.dsl.formatting2;

import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** The canonical text of a parsed scenario file, for the command line, the editor and tests. */
public class Formatting {

	@Inject
	private IFormatter2 formatter;
	@Inject
	private Provider<FormatterRequest> requests;
	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	/**
	 * The resource's text in canonical form. The resource must have parsed without syntax
	 * errors: the formatter only moves whitespace between the tokens it found.
	 */
	public String format(XtextResource resource) {
		if (resource.getContents().isEmpty()) {
			// nothing but whitespace and comments (found by the fuzzer: the region access needs a model)
			return resource.getParseResult() == null || resource.getParseResult().getRootNode() == null ? ""
					: resource.getParseResult().getRootNode().getText();
		}
		if (!resource.getParseResult().getSyntaxErrors().iterator().hasNext()) {
			ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
			FormatterRequest request = requests.get();
			request.setTextRegionAccess(access);
			List<ITextReplacement> replacements = formatter.format(request);
			return access.getRewriter().renderToString(replacements);
		}
		throw new IllegalArgumentException("the file has syntax errors: fix them before formatting");
	}
}
