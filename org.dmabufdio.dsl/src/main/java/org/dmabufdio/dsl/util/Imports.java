package org.dmabufdio.dsl.util;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.Import;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.loading.SuiteRoot;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

/** The files a scenario file imports, transitively, loaded into its resource set. */
public final class Imports {

	private Imports() {
	}

	/**
	 * The import's target, resolved against the importing file; null where the suite's root
	 * forbids reading it ({@link SuiteRoot}; the validator says why).
	 */
	public static URI resolve(Import i) {
		Resource r = i.eResource();
		return r == null ? null : SuiteRoot.resolve(r, i.getImportURI()).target();
	}

	/** The model of {@code context}'s file followed by those it imports, each once, nearest first. */
	public static List<Model> visibleModels(EObject context) {
		List<Model> out = new ArrayList<>();
		Set<URI> seen = new LinkedHashSet<>();
		Resource r = context.eResource();
		if (r != null) {
			collect(r, seen, out);
		}
		return out;
	}

	private static void collect(Resource r, Set<URI> seen, List<Model> out) {
		if (!seen.add(r.getURI()) || r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Model m)) {
			return;
		}
		out.add(m);
		for (Import i : m.getImports()) {
			URI uri = resolve(i);
			Resource imported = uri == null ? null : load(r, uri);
			if (imported != null) {
				collect(imported, seen, out);
			}
		}
	}

	/** Loads an imported file into the same resource set; null if it cannot be read. */
	public static Resource load(Resource from, URI uri) {
		if (from.getResourceSet() == null) {
			return null;
		}
		try {
			return from.getResourceSet().getResource(uri, true);
		} catch (RuntimeException e) {
			return null; // reported by validation as an unreadable import
		}
	}
}
