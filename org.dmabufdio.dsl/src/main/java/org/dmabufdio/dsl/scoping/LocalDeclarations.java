package org.dmabufdio.dsl.scoping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Fragment;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.util.Kinds;
import org.dmabufdio.dsl.util.Steps;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.AbstractScope;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;

/**
 * The names a scenario or fragment declares, by name, each with the place of its step (a
 * fragment's parameters come before every step), built once per body while its resource is
 * unchanged. A reference at a place sees the declarations of the kinds it accepts made before
 * it, and the file's top-level ones after them: one look-up per reference, where building the
 * list of everything declared before it for every reference was quadratic in a body's length.
 */
final class LocalDeclarations {

	private record Declared(int place, QualifiedName name, Declaration declaration) {
	}

	private static final OnChangeEvictingCache CACHE = new OnChangeEvictingCache();

	private final IQualifiedNameConverter names;
	private final Map<QualifiedName, List<Declared>> byName = new HashMap<>();
	private final List<Declared> inOrder = new ArrayList<>();

	private LocalDeclarations(EObject body, IQualifiedNameConverter names) {
		this.names = names;
		if (body instanceof Fragment f) {
			f.getParams().forEach(p -> add(-1, p));
		}
		List<Step> steps = Steps.inOrder(body);
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).getAction() instanceof Declaration d) {
				add(i, d);
			}
		}
	}

	private void add(int place, Declaration d) {
		if (d.getName() != null && !d.getName().isEmpty()) { // "" is no name (the validator says so)
			Declared entry = new Declared(place, names.toQualifiedName(d.getName()), d);
			inOrder.add(entry);
			byName.computeIfAbsent(entry.name(), k -> new ArrayList<>(1)).add(entry);
		}
	}

	private static LocalDeclarations of(EObject body, IQualifiedNameConverter names) {
		Resource r = body.eResource();
		return r == null ? new LocalDeclarations(body, names)
				: CACHE.get(Tuples.pair(LocalDeclarations.class, body), r, () -> new LocalDeclarations(body, names));
	}

	/**
	 * What {@code context} sees of its body's declarations of {@code kinds}, then {@code outer};
	 * names as {@code names} reads them (model.bin is two segments).
	 */
	static IScope scope(EObject context, Set<Kinds> kinds, IScope outer, IQualifiedNameConverter names) {
		EObject body = Steps.body(context);
		if (body == null) {
			return outer;
		}
		LocalDeclarations index = of(body, names);
		int place = Steps.place(context);
		return new AbstractScope(outer, false) {
			@Override
			protected Iterable<IEObjectDescription> getAllLocalElements() {
				List<IEObjectDescription> out = new ArrayList<>();
				for (Declared d : index.inOrder) {
					if (visible(d, place, kinds)) {
						out.add(describe(d));
					}
				}
				return out;
			}

			@Override
			protected Iterable<IEObjectDescription> getLocalElementsByName(QualifiedName name) {
				List<Declared> candidates = index.byName.get(name);
				if (candidates != null) {
					for (Declared d : candidates) {
						if (visible(d, place, kinds)) {
							return List.of(describe(d));
						}
					}
				}
				return List.of();
			}
		};
	}

	private static boolean visible(Declared d, int place, Set<Kinds> kinds) {
		return (d.place() < place || d.place() < 0) && kinds.contains(Kinds.of(d.declaration()));
	}

	private static IEObjectDescription describe(Declared d) {
		return EObjectDescription.create(d.name(), d.declaration());
	}
}
