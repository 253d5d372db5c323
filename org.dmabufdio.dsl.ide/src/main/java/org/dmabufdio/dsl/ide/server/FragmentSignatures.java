package org.dmabufdio.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.Use;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.signatureHelp.ISignatureHelpService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Signature help inside {@code use fragment(...)}: the fragment's parameters, {@code kind name}
 * each, with the one the cursor is on (by the commas before it) active.
 */
public class FragmentSignatures implements ISignatureHelpService {

	@Override
	public SignatureHelp getSignatureHelp(Document document, XtextResource resource, SignatureHelpParams params,
			CancelIndicator cancelIndicator) {
		if (document == null || resource == null || resource.getParseResult() == null) {
			return EMPTY;
		}
		int offset;
		try {
			offset = document.getOffSet(params.getPosition());
		} catch (IndexOutOfBoundsException e) {
			return EMPTY;
		}
		// the character before the cursor: right after '(' the cursor is already past the node
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), Math.max(0, offset - 1));
		EObject at = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		Use use = at == null ? null : EcoreUtil2.getContainerOfType(at, Use.class);
		Fragment fragment = use == null ? null : use.getTarget();
		if (fragment == null || fragment.eIsProxy()) {
			return EMPTY;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(use);
		String text = node.getText();
		int open = text.indexOf('(');
		int close = text.lastIndexOf(')');
		int inside = offset - node.getTotalOffset(); // getText() starts at the total offset, hidden tokens included
		if (open < 0 || inside <= open || close >= 0 && inside > close) {
			return EMPTY;
		}
		int active = 0;
		for (int i = open + 1; i < inside && i < text.length(); i++) {
			active += text.charAt(i) == ',' ? 1 : 0;
		}
		List<ParameterInformation> parameters = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (FragmentParam p : fragment.getParams()) {
			String label = p.getKind() + " " + p.getName();
			labels.add(label);
			parameters.add(new ParameterInformation(label));
		}
		SignatureInformation signature = new SignatureInformation(fragment.getName() + "(" + String.join(", ", labels) + ")",
				(String) null, parameters);
		return new SignatureHelp(List.of(signature), 0, parameters.isEmpty() ? null : Math.min(active, parameters.size() - 1));
	}
}
