package org.dmabufdio.dsl.util;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
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

	/** The element's source text on one line, comments dropped. */
	public static String text(EObject o) {
		ICompositeNode node = o == null ? null : NodeModelUtils.findActualNodeFor(o);
		return node == null ? "" : NodeModelUtils.getTokenText(node);
	}

	/**
	 * Whether the source gives {@code feature} a value. Not eIsSet(): an enum attribute holding
	 * its first literal ('insert_page', 'shared', 'ext4') is the default and counts as unset.
	 */
	public static boolean isWritten(EObject o, EStructuralFeature feature) {
		return !NodeModelUtils.findNodesForFeature(o, feature).isEmpty();
	}
}
