package org.dmabufdio.dsl;

import org.dmabufdio.dsl.conversion.DmabufValueConverters;
import org.dmabufdio.dsl.formatting2.FourSpaces;
import org.dmabufdio.dsl.resource.DmabufResource;
import org.dmabufdio.dsl.scoping.DmabufImportUriResolver;
import org.dmabufdio.dsl.scoping.TopLevelExportStrategy;
import org.dmabufdio.dsl.validation.DmabufLinkingDiagnosticMessageProvider;
import org.dmabufdio.dsl.validation.DmabufSyntaxErrorMessageProvider;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting.IIndentationInformation;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.validation.CompositeEValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Guice bindings of the scenario language's runtime services. */
public class DmabufRuntimeModule extends AbstractDmabufRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return DmabufValueConverters.class;
	}

	/** Names cross files only through {@code import "path"}. */
	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ImportUriGlobalScopeProvider.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return TopLevelExportStrategy.class;
	}

	public Class<? extends ImportUriResolver> bindImportUriResolver() {
		return DmabufImportUriResolver.class;
	}

	/**
	 * EMF's own constraint checks (multiplicities, data values) find nothing the grammar lets
	 * through, and took a twentieth of validating a large suite.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bind(Boolean.class).annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).toInstance(false);
	}

	@Override
	public Class<? extends XtextResource> bindXtextResource() {
		return DmabufResource.class;
	}

	public Class<? extends IIndentationInformation> bindIIndentationInformation() {
		return FourSpaces.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return DmabufLinkingDiagnosticMessageProvider.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return DmabufSyntaxErrorMessageProvider.class;
	}
}
