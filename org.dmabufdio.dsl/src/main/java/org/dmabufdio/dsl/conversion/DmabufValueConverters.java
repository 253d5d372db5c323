package org.dmabufdio.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;


/**
 * Value conversion for the language's own tokens: $name references lose their '$', quoted file
 * names lose their quotes.
 */
public class DmabufValueConverters extends DefaultTerminalConverters {

	/** VAR: "$io" refers to the parameter named "io". */
	@ValueConverter(rule = "VAR")
	public IValueConverter<String> VAR() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected String internalToValue(String string, INode node) {
				return string.substring(1);
			}

			@Override
			protected String internalToString(String value) {
				return "$" + value;
			}
		};
	}

	/** LABEL: "direct:" labels the step "direct". */
	@ValueConverter(rule = "LABEL")
	public IValueConverter<String> LABEL() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected String internalToValue(String string, INode node) {
				return string.substring(0, string.length() - 1);
			}

			@Override
			protected String internalToString(String value) {
				return value + ":";
			}
		};
	}

	/** FileName: model.bin stays as written; "odd name.bin" loses its quotes. */
	@ValueConverter(rule = "FileName")
	public IValueConverter<String> FileName() {
		return new AbstractNullSafeConverter<>() {
			@Override
			protected String internalToValue(String string, INode node) throws ValueConverterException {
				if (string.startsWith("\"")) {
					return STRING().toValue(string, node);
				}
				return string.replaceAll("\\s+", "");
			}

			@Override
			protected String internalToString(String value) {
				return value.matches("[A-Za-z_][A-Za-z_0-9]*(\\.[A-Za-z_][A-Za-z_0-9]*)*") ? value : STRING().toString(value);
			}
		};
	}
}
