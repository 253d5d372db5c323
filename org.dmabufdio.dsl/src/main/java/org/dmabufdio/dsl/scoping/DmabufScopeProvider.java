package org.dmabufdio.dsl.scoping;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.dmabufdio.dsl.dmabuf.Checkpoint;
import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Parameter;
import org.dmabufdio.dsl.dmabuf.Step;
import org.dmabufdio.dsl.util.Kinds;
import org.dmabufdio.dsl.util.Steps;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.FilteringScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;


/**
 * Scoping: a name is visible from the step after the one that declares it (so using it before
 * is an error), within its scenario or fragment; top-level files and fragments of this file
 * and its imports are visible everywhere. Each reference sees only the kinds that fit it: a
 * mapping where a mapping goes, a file where a file goes.
 */
public class DmabufScopeProvider extends AbstractDmabufScopeProvider {

	@Inject
	private IQualifiedNameConverter names;

	@Inject
	private IResourceScopeCache cache;

	@Inject
	private IGlobalScopeProvider global;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference.getEReferenceType() == DECLARATION) {
			Set<Kinds> kinds = kindsFor(reference);
			// from outside the step list: only top-level declarations, of this file or imported ones;
			// asked of the file itself, since what a nested step sees beyond its body is the same
			EObject root = EcoreUtil2.getRootContainer(context);
			IScope outer = root.eResource() == null ? topLevel(root, reference, kinds)
					: cache.get(Tuples.pair(DmabufScopeProvider.class, reference), root.eResource(),
							() -> topLevel(root, reference, kinds));
			return LocalDeclarations.scope(context, kinds, outer, names);
		}
		if (reference.getEReferenceType() == PARAMETER) {
			return named(Steps.parametersOf(context), Parameter::getName);
		}
		if (reference.getEReferenceType() == STEP) {
			return named(Steps.labelledBefore(context), Step::getName);
		}
		if (reference.getEReferenceType() == CHECKPOINT) {
			return named(Steps.checkpointsBefore(context), Checkpoint::getName);
		}
		return super.getScope(context, reference);
	}

	/**
	 * The top-level declarations of the kinds {@code reference} takes: this file's, then those of
	 * the files it imports. Built from the file's elements rather than Xtext's local scope, which
	 * describes every object of the file to keep the few at its top.
	 */
	private IScope topLevel(EObject root, EReference reference, Set<Kinds> kinds) {
		IScope imports = root.eResource() == null ? IScope.NULLSCOPE : global.getScope(root.eResource(), reference, null);
		IScope imported = new FilteringScope(imports,
				d -> d.getEObjectOrProxy() instanceof Declaration decl && kinds.contains(Kinds.of(decl))
						&& (decl.eIsProxy() || decl.eContainer() instanceof Model));
		List<Declaration> own = new ArrayList<>();
		if (root instanceof Model m) {
			for (Element e : m.getElements()) {
				if (e instanceof Declaration d && d.getName() != null && !d.getName().isEmpty() && kinds.contains(Kinds.of(d))) {
					own.add(d);
				}
			}
		}
		return Scopes.scopeFor(own, d -> names.toQualifiedName(d.getName()), imported);
	}

	/** A scope of the elements that have a name (a half-typed one has none yet). */
	private static <T extends EObject> IScope named(List<T> elements, Function<T, String> name) {
		List<T> withName = elements.stream().filter(e -> name.apply(e) != null).toList();
		return Scopes.scopeFor(withName, e -> QualifiedName.create(name.apply(e)), IScope.NULLSCOPE);
	}

	/** The kinds of declaration a reference accepts. */
	public static Set<Kinds> kindsFor(EReference reference) {
		if (reference == MMAP__TARGET) {
			return EnumSet.of(Kinds.BUFFER, Kinds.FILE);
		}
		if (reference == COPY__TARGET) {
			return EnumSet.of(Kinds.BUFFER, Kinds.FILE);
		}
		if (reference == IO__FILE) {
			return EnumSet.of(Kinds.FILE);
		}
		if (reference == FREE__BUFFER || reference == UDMABUF__MEMFD || reference == RW_FILE__BUFFER
				|| reference == DMABUF_VIEW__BUFFER) {
			return EnumSet.of(Kinds.BUFFER);
		}
		if (reference == IN_PROCESS__PROCESS || reference == EXIT__PROCESS || reference == WAIT__PROCESS
				|| reference == STATUS_VIEW__PROCESS) {
			return EnumSet.of(Kinds.PROCESS);
		}
		if (reference == UNPIN__PIN) {
			return EnumSet.of(Kinds.PIN);
		}
		if (reference == REF_ARGUMENT__REF) {
			return EnumSet.of(Kinds.FILE, Kinds.BUFFER, Kinds.MAPPING, Kinds.PROCESS);
		}
		return EnumSet.of(Kinds.MAPPING);
	}
}
