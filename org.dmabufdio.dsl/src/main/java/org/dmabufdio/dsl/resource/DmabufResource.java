package org.dmabufdio.dsl.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;

import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * A scenario file as Xtext loads it, with one repair: a file whose last character is a lone
 * carriage return gets a line feed after it. Xtext 2.42's line and column of an offset at the
 * very end reads the character after such a CR, past the end (InternalNodeModelUtils
 * .getLineAndColumnNoExactLineBreak), so every diagnostic reaching the end of such a file threw
 * instead of being reported (found by the fuzzer). The added character changes no offset of the
 * file's own text.
 */
public class DmabufResource extends LazyLinkingResource {

	@Override
	protected Reader createReader(InputStream inputStream) throws IOException {
		StringWriter text = new StringWriter();
		try (Reader in = super.createReader(inputStream)) {
			in.transferTo(text);
		}
		String s = text.toString();
		return new StringReader(s.endsWith("\r") ? s + "\n" : s);
	}
}
