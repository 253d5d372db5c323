package org.dmabufdio.dsl.scoping;

import org.dmabufdio.dsl.dmabuf.Import;
import org.dmabufdio.dsl.util.Imports;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;

/**
 * {@code import "common.dmabuf"} is relative to the importing file and stays inside the suite's
 * root: an import the root forbids resolves to nothing, so the global scope never loads it.
 */
public class DmabufImportUriResolver extends ImportUriResolver {

	@Override
	public String resolve(EObject object) {
		if (!(object instanceof Import i)) {
			return null;
		}
		URI target = Imports.resolve(i);
		return target == null ? null : target.toString();
	}
}
