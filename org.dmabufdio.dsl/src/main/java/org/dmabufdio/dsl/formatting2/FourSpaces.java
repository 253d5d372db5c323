package org.dmabufdio.dsl.formatting2;

import org.eclipse.xtext.formatting.IIndentationInformation;

/** Scenario files indent by four spaces, as every example in the docs does. */
public class FourSpaces implements IIndentationInformation {

	@Override
	public String getIndentString() {
		return "    ";
	}
}
