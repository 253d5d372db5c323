package org.dmabufdio.dsl.ui.editor;

import java.io.IOException;
import java.util.List;

import org.dmabufdio.dsl.loading.SuiteRoot;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;
import com.google.inject.Provider;

/**
 * The editor's text parsed as the content of its file (imports resolve next to it, inside its
 * project), and validated, for every service that needs the model of what is on screen rather than on disk.
 */
public final class DocumentResources {

	private final Provider<XtextResourceSet> resourceSets;
	private final IResourceValidator validator;

	public DocumentResources(Injector injector) {
		this.resourceSets = injector.getProvider(XtextResourceSet.class);
		this.validator = injector.getInstance(IResourceValidator.class);
	}

	/** Every issue of a parsed text, as the command line reports them; stops early when cancelled. */
	public List<Issue> validate(XtextResource resource, CancelIndicator cancel) {
		return validator.validate(resource, CheckMode.ALL, cancel);
	}

	public XtextResource parse(IFile file, String text) {
		XtextResourceSet resourceSet = resourceSets.get();
		if (file.getProject() != null && file.getProject().getLocation() != null) {
			// the project is the suite: its imports stay inside it
			SuiteRoot.set(resourceSet, List.of(file.getProject().getLocation().toFile().toPath()));
		}
		URI uri = URI.createPlatformResourceURI(file.getFullPath().toString(), true);
		XtextResource resource = (XtextResource) resourceSet.createResource(uri);
		try {
			resource.load(new LazyStringInputStream(text, file.getCharset()), null);
		} catch (IOException | CoreException e) {
			throw new IllegalStateException("cannot parse " + file.getFullPath(), e);
		}
		return resource;
	}
}
