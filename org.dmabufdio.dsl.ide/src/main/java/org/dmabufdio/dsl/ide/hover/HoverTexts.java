package org.dmabufdio.dsl.ide.hover;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dmabufdio.dsl.dmabuf.DeviceUse;
import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.FragmentParam;
import org.dmabufdio.dsl.dmabuf.HazardCheck;
import org.dmabufdio.dsl.dmabuf.KernelUse;
import org.dmabufdio.dsl.dmabuf.OutcomeFails;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Setting;
import org.dmabufdio.dsl.util.Vocabulary;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/**
 * What a hover over a word of a scenario says, for the Eclipse editor and the language server:
 * the words only the simulator knows (kernels, features, devices, device parameters, errnos,
 * hazards) with what they mean, and for a scenario, a fragment or a parameter, its declaration
 * and doc comment, also where it is used.
 */
public class HoverTexts {

	/** The hovered word's place in the text and what to show for it (plain text). */
	public record Hovered(int offset, int length, String text) {
	}

	@Inject
	private IEObjectDocumentationProvider docs;

	public Optional<Hovered> at(XtextResource resource, int offset) {
		IParseResult parsed = resource.getParseResult();
		ILeafNode leaf = parsed == null ? null : NodeModelUtils.findLeafNodeAtOffset(parsed.getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return Optional.empty();
		}
		// the word: the leaf, or the datatype rule call (Name, FeatureName ...) it is part of
		INode node = leaf;
		while (node != null && GrammarUtil.containingAssignment(node.getGrammarElement()) == null) {
			node = node.getParent();
		}
		EObject element = node == null ? null : NodeModelUtils.findActualSemanticObjectFor(node);
		if (element == null) {
			return Optional.empty();
		}
		String feature = GrammarUtil.containingAssignment(node.getGrammarElement()).getFeature();
		String text = describe(element, feature, node);
		return text == null || text.isEmpty() ? Optional.empty()
				: Optional.of(new Hovered(node.getOffset(), node.getLength(), text));
	}

	private String describe(EObject element, String feature, INode node) {
		if (GrammarUtil.containingCrossReference(node.getGrammarElement()) instanceof CrossReference) {
			EStructuralFeature f = element.eClass().getEStructuralFeature(feature);
			Object target = f == null || f.isMany() ? null : element.eGet(f);
			return target instanceof EObject t && !t.eIsProxy() ? declaration(t) : null;
		}
		String word = NodeModelUtils.getTokenText(node);
		if (element instanceof KernelUse) {
			return feature.equals("variant") ? known("kernel", word, Vocabulary.kernels())
					: known("kernel feature", word, Vocabulary.features());
		}
		if (element instanceof DeviceUse && feature.equals("device")) {
			return known("device", word, Vocabulary.devices(element));
		}
		if (element instanceof Setting && feature.equals("key")) {
			return known("device parameter", word, Vocabulary.deviceParameters());
		}
		if (element instanceof OutcomeFails && feature.equals("errno")) {
			return known("errno", word, Vocabulary.errnos());
		}
		if (element instanceof HazardCheck && feature.equals("hazard")) {
			return known("hazard", word, Vocabulary.hazards());
		}
		if ((element instanceof Scenario && feature.equals("title")) || (element instanceof Fragment && feature.equals("name"))) {
			return declaration(element);
		}
		return null;
	}

	private static String known(String what, String word, Map<String, String> vocabulary) {
		String meaning = vocabulary.get(word);
		return meaning == null ? null : what + " " + word + (meaning.isEmpty() ? "" : ": " + meaning);
	}

	/** How {@code e} was declared, then its doc comment. */
	private String declaration(EObject e) {
		String head;
		if (e instanceof Scenario s) {
			head = "scenario \"" + s.getTitle() + "\"";
		} else if (e instanceof Fragment f) {
			head = "fragment " + f.getName() + "("
					+ f.getParams().stream().map(p -> p.getKind() + " " + p.getName()).collect(Collectors.joining(", ")) + ")";
		} else if (e instanceof FragmentParam p) {
			Fragment f = EcoreUtil2.getContainerOfType(p, Fragment.class);
			head = p.getKind() + " parameter " + p.getName() + (f == null ? "" : " of fragment " + f.getName());
		} else if (e instanceof ForEach fe) {
			head = "for " + fe.getName() + " in ["
					+ String.join(", ", fe.getValues()) + "]";
		} else {
			return docs.getDocumentation(e);
		}
		String doc = docs.getDocumentation(e);
		return doc == null || doc.isBlank() ? head : head + "\n\n" + doc;
	}
}
