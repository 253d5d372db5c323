package org.dmabufdio.dsl.formatting2;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.DeviceDef;
import org.dmabufdio.dsl.dmabuf.DeviceUse;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.Import;
import org.dmabufdio.dsl.dmabuf.InProcess;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.dmabuf.Table;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.preferences.TypedPreferenceValues;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure1;

/**
 * The canonical format of scenario files. Every gap between two tokens is decided exactly once:
 * first by the structure (one blank line between top-level elements, one statement per line,
 * blocks indented by four spaces, statements someone joined with ';' kept on their line, small
 * blocks written on one line kept on one line), then by the tokens (one space, none before
 * {@code , ; ) ]} and after {@code ( [}, none in {@code time(x)} and {@code use f(x)}).
 */
public class DmabufFormatter extends AbstractJavaFormatter {

	private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ";", ")", "]");
	private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[");

	private enum Gap {
		NONE, SPACE, LINE, LINE_OR_BLANK, BLANK
	}

	/** The canonical format indents by four spaces, whatever an editor's preferences say. */
	@Override
	protected void initialize(FormatterRequest request) {
		Map<String, String> fixed = Map.of(FormatterPreferenceKeys.indentation.getId(), new FourSpaces().getIndentString());
		request.setPreferences(TypedPreferenceValues.castOrWrap(new MapBasedPreferenceValues(request.getPreferences(), fixed)));
		super.initialize(request);
	}

	protected void format(Model model, IFormattableDocument doc) {
		Map<IHiddenRegion, Gap> gaps = new IdentityHashMap<>();
		topLevel(model, gaps);
		for (EObject o : EcoreUtil2.eAllContentsAsList(model)) {
			block(o, doc, gaps);
		}
		for (EObject o : EcoreUtil2.eAllContentsAsList(model)) {
			if (o instanceof Step step) {
				afterStep(step, gaps);
			}
		}
		ISemanticRegion region = getTextRegionAccess().regionForRootEObject().getPreviousHiddenRegion().getNextSemanticRegion();
		while (region != null) {
			ISemanticRegion next = region.getNextSemanticRegion();
			IHiddenRegion gap = region.getNextHiddenRegion();
			Gap g = gaps.get(gap);
			if (next == null) {
				doc.append(region, it -> it.setNewLines(1)); // one newline ends the file
			} else {
				doc.set(gap, apply(g != null ? g : tokens(region, next)));
			}
			region = next;
		}
	}

	/** Imports one per line, then one blank line between top-level elements. */
	private void topLevel(Model model, Map<IHiddenRegion, Gap> gaps) {
		List<Import> imports = model.getImports();
		for (int i = 0; i < imports.size(); i++) {
			boolean last = i == imports.size() - 1;
			gaps.put(after(imports.get(i)), last && !model.getElements().isEmpty() ? Gap.BLANK : Gap.LINE);
		}
		List<Element> elements = model.getElements();
		for (int i = 0; i < elements.size() - 1; i++) {
			gaps.put(after(elements.get(i)), Gap.BLANK);
		}
	}

	/**
	 * Braces: scenarios, fragments, tables and devices always open a block of lines; an 'in'
	 * block or a device's settings written on one line stay on one line.
	 */
	private void block(EObject o, IFormattableDocument doc, Map<IHiddenRegion, Gap> gaps) {
		boolean always = o instanceof Scenario || o instanceof Fragment || o instanceof Table || o instanceof DeviceDef;
		if (!always && !(o instanceof InProcess) && !(o instanceof DeviceUse)) {
			return;
		}
		ISemanticRegion open = regionFor(o).keyword("{");
		ISemanticRegion close = regionFor(o).keyword("}");
		if (open == null || close == null) {
			return;
		}
		if (open.getNextSemanticRegion() == close) {
			gaps.put(open.getNextHiddenRegion(), Gap.NONE); // an empty block: {}
			return;
		}
		if (o instanceof Table t && regionFor(t).keyword("columns") != null) {
			gaps.put(regionFor(t).keyword("columns").getPreviousHiddenRegion(), Gap.LINE); // rows, then columns
		}
		if (always || spansLines(open, close)) {
			gaps.put(open.getNextHiddenRegion(), Gap.LINE);
			gaps.put(close.getPreviousHiddenRegion(), Gap.LINE);
			doc.interior(open, close, IHiddenRegionFormatter::indent);
		} else {
			gaps.put(open.getNextHiddenRegion(), Gap.SPACE);
			gaps.put(close.getPreviousHiddenRegion(), Gap.SPACE);
		}
	}

	/** After a statement: ';' sticks to it; the next one follows on a new line, unless ';' kept it on this one. */
	private void afterStep(Step step, Map<IHiddenRegion, Gap> gaps) {
		IEObjectRegion region = getTextRegionAccess().regionForEObject(step);
		if (region == null) {
			return;
		}
		IHiddenRegion gap = region.getNextHiddenRegion();
		ISemanticRegion next = gap.getNextSemanticRegion();
		if (next == null) {
			return;
		}
		if (next.getText().equals(";")) {
			gaps.put(gap, Gap.NONE);
			IHiddenRegion afterSemicolon = next.getNextHiddenRegion();
			ISemanticRegion following = afterSemicolon.getNextSemanticRegion();
			if (following != null && !following.getText().equals("}")) {
				gaps.put(afterSemicolon, afterSemicolon.isMultiline() ? Gap.LINE_OR_BLANK : Gap.SPACE);
			} else if (following != null && !gaps.containsKey(afterSemicolon)) {
				gaps.put(afterSemicolon, Gap.LINE);
			}
		} else if (!next.getText().equals("}")) {
			gaps.put(gap, Gap.LINE_OR_BLANK);
		}
	}

	/** Inside a statement: one space between tokens, none where punctuation says so. */
	private static Gap tokens(ISemanticRegion prev, ISemanticRegion next) {
		String p = prev.getText();
		String n = next.getText();
		if (NO_SPACE_BEFORE.contains(n) || NO_SPACE_AFTER.contains(p)) {
			return Gap.NONE;
		}
		if (n.equals("(") && !p.equals("*")) {
			return Gap.NONE; // time(label), use load(...), fragment load(...)
		}
		return Gap.SPACE;
	}

	private static Procedure1<IHiddenRegionFormatter> apply(Gap gap) {
		return switch (gap) {
		case NONE -> IHiddenRegionFormatter::noSpace;
		case SPACE -> IHiddenRegionFormatter::oneSpace;
		case LINE -> it -> it.setNewLines(1);
		case LINE_OR_BLANK -> it -> it.setNewLines(1, 1, 2);
		case BLANK -> it -> it.setNewLines(2);
		};
	}

	private IHiddenRegion after(EObject o) {
		return getTextRegionAccess().regionForEObject(o).getNextHiddenRegion();
	}

	private static boolean spansLines(ISemanticRegion open, ISemanticRegion close) {
		ISemanticRegion r = open;
		while (r != null && r != close) {
			if (r.getNextHiddenRegion().isMultiline()) {
				return true;
			}
			r = r.getNextSemanticRegion();
		}
		return false;
	}
}
