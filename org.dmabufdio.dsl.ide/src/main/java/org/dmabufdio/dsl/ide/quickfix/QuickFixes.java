package org.dmabufdio.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.dmabufdio.dsl.dmabuf.CounterCheck;
import org.dmabufdio.dsl.util.Vocabulary;
import org.dmabufdio.dsl.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Quick fixes for the validation issues that have an obvious repair, for the Eclipse editor and
 * the language server: an unknown kernel, feature, device, device parameter, errno, hazard,
 * counter or VmFlags mnemonic becomes the nearest known words (by edit distance, at most three);
 * a size or a duration without a unit gets one.
 */
public class QuickFixes {

	/** Replace [offset, offset + length) of the text by {@code text}; {@code label} says how. */
	public record Fix(String label, int offset, int length, String text) {
	}

	private static final int MAX_SUGGESTIONS = 3;

	/**
	 * The fixes for an issue with {@code code} over [offset, offset + length) of the text
	 * {@code resource} was parsed from; {@code message} is the issue's message.
	 */
	public List<Fix> of(XtextResource resource, String code, String message, int offset, int length) {
		String text = resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText();
		if (code == null || offset < 0 || offset + length > text.length()) {
			return List.of();
		}
		String word = text.substring(offset, offset + length);
		if (code.equals(IssueCodes.MISSING_UNIT)) {
			List<String> units = message.startsWith("duration") ? List.of("ms", "us", "s") : List.of("K", "M", "G");
			return units.stream().map(u -> new Fix("Add the unit: " + word + u, offset, length, word + u)).toList();
		}
		Collection<String> known = vocabulary(code, element(resource, offset));
		if (known == null) {
			return List.of();
		}
		boolean quoted = word.length() >= 2 && word.startsWith("'") && word.endsWith("'");
		String bare = quoted ? word.substring(1, word.length() - 1) : word;
		List<Fix> out = new ArrayList<>();
		for (String candidate : nearest(bare, known)) {
			String replacement = quoted ? "'" + candidate + "'" : candidate;
			out.add(new Fix("Change to '" + candidate + "'", offset, length, replacement));
		}
		return out;
	}

	private static Collection<String> vocabulary(String code, EObject element) {
		Map<String, String> words = switch (code) {
		case IssueCodes.UNKNOWN_KERNEL -> Vocabulary.kernels();
		case IssueCodes.UNKNOWN_FEATURE -> Vocabulary.features();
		case IssueCodes.UNKNOWN_DEVICE -> element == null ? null : Vocabulary.devices(element);
		case IssueCodes.UNKNOWN_DEVICE_PARAMETER -> Vocabulary.deviceParameters();
		case IssueCodes.UNKNOWN_ERRNO -> Vocabulary.errnos();
		case IssueCodes.UNKNOWN_HAZARD -> Vocabulary.hazards();
		default -> null;
		};
		if (words != null) {
			return words.keySet();
		}
		if (code.equals(IssueCodes.UNKNOWN_FLAG)) {
			return Vocabulary.vmFlags();
		}
		CounterCheck check = EcoreUtil2.getContainerOfType(element, CounterCheck.class);
		return code.equals(IssueCodes.UNKNOWN_COUNTER) && check != null ? Vocabulary.counters(check.getView()) : null;
	}

	private static EObject element(XtextResource resource, int offset) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}

	/** The known words closest to {@code word}: case-insensitive edit distance, within a third of its length. */
	static List<String> nearest(String word, Collection<String> known) {
		int limit = Math.max(2, word.length() / 3);
		return known.stream().filter(k -> !k.equals(word))
				.map(k -> Map.entry(k, distance(word.toLowerCase(), k.toLowerCase())))
				.filter(e -> e.getValue() <= limit)
				.sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue()).thenComparing(Map.Entry::getKey))
				.limit(MAX_SUGGESTIONS).map(Map.Entry::getKey).toList();
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}
}
