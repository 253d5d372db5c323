package org.dmabufdio.dsl.formatting2;

import org.eclipse.xtext.formatting2.AbstractJavaFormatter;

/** Placeholder until the canonical format lands. */
public class DmabufFormatter extends AbstractJavaFormatter {
}
