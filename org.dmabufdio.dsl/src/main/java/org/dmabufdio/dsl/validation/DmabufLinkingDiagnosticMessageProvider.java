package org.dmabufdio.dsl.validation;

import org.dmabufdio.dsl.util.Locations;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.scoping.DmabufScopeProvider;
import org.dmabufdio.dsl.util.Kinds;
import org.dmabufdio.dsl.util.Steps;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

/**
 * Messages for names that do not resolve: "unknown mapping 'view'", or, when the name is
 * declared later in the same scenario, "'view' is used before its definition at line 9".
 */
public class DmabufLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String name = context.getLinkText();
		if (context.getReference().getEReferenceType() == org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.DECLARATION) {
			Set<Kinds> kinds = DmabufScopeProvider.kindsFor(context.getReference());
			Declaration later = declaredLater(context.getContext(), name);
			if (later != null) {
				return new DiagnosticMessage("'" + name + "' is used before its definition at line "
						+ org.dmabufdio.dsl.util.Locations.line(later), Severity.ERROR,
						IssueCodes.USED_BEFORE_DEFINITION);
			}
			return new DiagnosticMessage("unknown " + describe(kinds) + " '" + name + "'", Severity.ERROR,
					IssueCodes.UNKNOWN_NAME);
		}
		if (context.getContext() instanceof org.dmabufdio.dsl.dmabuf.Setting setting
				&& EcoreUtil2.getContainerOfType(setting, org.dmabufdio.dsl.dmabuf.DeviceDef.class) != null) {
			// no scenario around it, so no $parameter can ever resolve here
			return new DiagnosticMessage("a device definition has no $parameters: set '" + setting.getKey()
					+ "' where the device is used", Severity.ERROR, IssueCodes.BAD_DEVICE_VALUE);
		}
		if (context.getReference().getEReferenceType() == org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.PARAMETER) {
			return new DiagnosticMessage("unknown parameter '$" + name + "'" + knownParameters(context.getContext()),
					Severity.ERROR, IssueCodes.UNKNOWN_NAME);
		}
		String what = switch (context.getReference().getEReferenceType().getName()) {
		case "Step" -> "step label ";
		case "Checkpoint" -> "checkpoint ";
		case "Fragment" -> "fragment ";
		default -> context.getReference().getEReferenceType().getName().toLowerCase() + " ";
		};
		return new DiagnosticMessage("unknown " + what + "'" + name + "'", Severity.ERROR, IssueCodes.UNKNOWN_NAME);
	}

	/** "; known here: $io, $stress", from the scenario's dimensions or the fragment's parameters. */
	private static String knownParameters(EObject context) {
		EObject owner = EcoreUtil2.getContainerOfType(context, org.dmabufdio.dsl.dmabuf.Scenario.class);
		if (owner == null) {
			owner = EcoreUtil2.getContainerOfType(context, org.dmabufdio.dsl.dmabuf.Fragment.class);
		}
		if (owner == null) {
			return "";
		}
		java.util.List<String> names = EcoreUtil2.getAllContentsOfType(owner, org.dmabufdio.dsl.dmabuf.Parameter.class)
				.stream().filter(p -> !(p instanceof org.dmabufdio.dsl.dmabuf.FragmentParam f)
						|| f.getKind() == org.dmabufdio.dsl.dmabuf.ParamKind.SIZE)
				.map(p -> "$" + p.getName()).distinct().toList();
		return names.isEmpty() ? "; nothing here has parameters" : "; known here: " + String.join(", ", names);
	}

	private static String describe(Set<Kinds> kinds) {
		return String.join(" or ", kinds.stream().map(Kinds::word).toList());
	}

	/** A declaration of that name after the reference, in the same scenario or fragment. */
	private static Declaration declaredLater(EObject context, String name) {
		for (Step s : Steps.stepsAfter(context)) {
			if (s.getAction() instanceof Declaration d && name.equals(d.getName())) {
				return d;
			}
		}
		return null;
	}
}
