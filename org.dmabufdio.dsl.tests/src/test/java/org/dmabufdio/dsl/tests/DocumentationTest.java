package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.dmabufdio.dsl.dmabuf.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/** Doc comments ({@code /** ... *}{@code /}) belong to the scenario or fragment they precede. */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class DocumentationTest {

	@Inject
	private Injector injector;

	@Inject
	private IEObjectDocumentationProvider docs;

	@Test
	void scenariosAndFragmentsCarryTheirDocComments() {
		Model m = (Model) new Scenarios(injector).parse("d.dmabuf", """
				/** Loads a model with O_DIRECT. */
				fragment load(file f, mapping m) {
				    read O_DIRECT f into m
				}

				// a line comment is not documentation
				scenario "plain" {
				    mmap anon 4K
				}

				/**
				 * The card line,
				 * on two lines.
				 */
				scenario "documented" {
				    mmap anon 4K
				}
				""").getContents().get(0);
		EObject fragment = m.getElements().get(0);
		assertEquals("Loads a model with O_DIRECT.", docs.getDocumentation(fragment));
		assertNull(docs.getDocumentation(m.getElements().get(1)));
		assertEquals("The card line,\non two lines.", docs.getDocumentation(m.getElements().get(2)));
	}
}
