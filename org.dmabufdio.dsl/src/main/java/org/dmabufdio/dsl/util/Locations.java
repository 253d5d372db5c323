package org.dmabufdio.dsl.util;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/** Where a model element is in its source, and its text, for results and messages. */
public final class Locations {

	private Locations() {
	}

	/** 1-based line of the element's first token, 0 if unknown. */
	public static int line(EObject o) {
		ICompositeNode node = o == null ? null : NodeModelUtils.findActualNodeFor(o);
		return node == null ? 0 : node.getStartLine();
	}

	/** 1-based column of the element's first token, 0 if unknown. */
	public static int column(EObject o) {
		ICompositeNode node = o == null ? null : NodeModelUtils.findActualNodeFor(o);
		if (node == null) {
			return 0;
		}
		LineAndColumn lc = NodeModelUtils.getLineAndColumn(node, node.getOffset());
		return lc.getColumn();
	}

	/** How much of a step's text results carry: a block's first statements, not all of them. */
	public static final int TEXT_LIMIT = 200;

	/**
	 * The element's source text on one line, comments dropped, as NodeModelUtils.getTokenText()
	 * gives it, but cut after {@link #TEXT_LIMIT} characters (with "..."): an {@code in} block's
	 * text holds every block nested in it, and copying it for each nested step made a deeply
	 * nested file quadratic to run.
	 */
	public static String text(EObject o) {
		ICompositeNode node = o == null ? null : NodeModelUtils.findActualNodeFor(o);
		if (node == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		boolean gap = false;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (leaf.isHidden()) {
				gap = out.length() > 0;
				continue;
			}
			if (out.length() >= TEXT_LIMIT) {
				return out.append(" ...").toString();
			}
			if (gap) {
				out.append(' ');
				gap = false;
			}
			String token = leaf.getText();
			out.append(token, 0, Math.min(token.length(), TEXT_LIMIT - out.length() + 1));
		}
		return out.length() > TEXT_LIMIT ? out.append(" ...").toString() : out.toString();
	}

	/**
	 * Whether the source gives {@code feature} a value. Not eIsSet(): an enum attribute holding
	 * its first literal ('insert_page', 'shared', 'ext4') is the default and counts as unset.
	 */
	public static boolean isWritten(EObject o, EStructuralFeature feature) {
		return !NodeModelUtils.findNodesForFeature(o, feature).isEmpty();
	}
}
