package org.dmabufdio.dsl.scoping;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;

/** {@code import "common.dmabuf"} is relative to the importing file. */
public class DmabufImportUriResolver extends ImportUriResolver {

	@Override
	public String resolve(EObject object) {
		String raw = super.resolve(object);
		if (raw == null || object.eResource() == null) {
			return raw;
		}
		URI uri = URI.createURI(raw);
		return uri.isRelative() ? uri.resolve(object.eResource().getURI()).toString() : raw;
	}
}
