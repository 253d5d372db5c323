package org.dmabufdio.dsl.scoping;

import org.dmabufdio.dsl.dmabuf.Declaration;
import org.dmabufdio.dsl.dmabuf.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

/**
 * Only what a file declares at its top level (files, fragments, devices) is visible to files
 * that import it; names inside scenarios stay private to them.
 */
public class TopLevelExportStrategy extends DefaultResourceDescriptionStrategy {

	@Override
	public boolean createEObjectDescriptions(EObject eObject, IAcceptor<IEObjectDescription> acceptor) {
		if (eObject instanceof Model) {
			return true;
		}
		// "" is no name (the validator says so); Xtext's name converter would throw on it
		if (eObject.eContainer() instanceof Model && !(eObject instanceof Declaration d && "".equals(d.getName()))) {
			super.createEObjectDescriptions(eObject, acceptor);
		}
		return false;
	}
}
