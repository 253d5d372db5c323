package org.dmabufdio.dsl.ui.editor;

import java.util.Optional;

import org.dmabufdio.dsl.ide.hover.HoverTexts;
import org.dmabufdio.dsl.ide.hover.HoverTexts.Hovered;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

/**
 * Hovers in the editor: what the language's {@link HoverTexts} says about the word under the
 * mouse (a kernel, device, parameter, errno or hazard; a fragment, scenario or parameter with
 * its doc comment), computed on the text as it stands in the editor.
 */
public class ScenarioTextHover extends EditorLanguageService<HoverTexts> implements ITextHover {

	/** What getHoverRegion() found, for the getHoverInfo() call that follows it. */
	private volatile Hovered last;

	public ScenarioTextHover(ITextEditor editor, Injector injector) {
		super(editor, injector, HoverTexts.class);
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		last = find(viewer, offset).orElse(null);
		Hovered h = last;
		return h == null ? null : new Region(h.offset(), h.length());
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		Hovered h = last;
		if (h == null || h.offset() != region.getOffset()) {
			h = find(viewer, region.getOffset()).orElse(null);
		}
		return h == null ? null : h.text();
	}

	private Optional<Hovered> find(ITextViewer viewer, int offset) {
		XtextResource resource = parse(viewer.getDocument());
		return resource == null ? Optional.empty() : language.at(resource, offset);
	}
}
