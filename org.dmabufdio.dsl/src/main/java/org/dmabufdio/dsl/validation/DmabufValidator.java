package org.dmabufdio.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The language's validation, one validator per concern: names, sizes, I/O, structure,
 * expectations, implicit references, imports, tables and limits.
 */
@ComposedChecks(validators = { NamesValidator.class, SizesValidator.class, IoValidator.class, StructureValidator.class,
		ExpectationsValidator.class, ImplicitReferencesValidator.class, ImportsValidator.class, TablesValidator.class,
		LimitsValidator.class })
public class DmabufValidator extends AbstractDmabufValidator {
}
