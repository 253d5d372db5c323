package org.dmabufdio.dsl.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.util.LazyStringInputStream;

/**
 * A scenario file as Xtext loads it, with two repairs, so that no file's text can break a
 * loader (the command line, the Eclipse editor, the language server alike):
 * <ul>
 * <li>A file whose last character is a lone carriage return gets a line feed after it. Xtext
 * 2.42's line and column of an offset at the very end reads the character after such a CR, past
 * the end (InternalNodeModelUtils.getLineAndColumnNoExactLineBreak), so every diagnostic reaching
 * the end of such a file threw instead of being reported (found by the fuzzer). The added
 * character changes no offset of the file's own text.
 * <li>Blocks nested deeper than the parser's stack holds (the parser recurses per block) make an
 * empty file with one error at 1:1, instead of a StackOverflowError out of the load.
 * </ul>
 */
public class DmabufResource extends LazyLinkingResource {

	/** The error of a file whose blocks nest deeper than the parser can follow. */
	static final String TOO_DEEP = "the file's blocks nest too deeply to be read";

	@Override
	protected void doLoad(InputStream inputStream, Map<?, ?> options) throws IOException {
		try {
			super.doLoad(inputStream, options);
		} catch (StackOverflowError | RuntimeException e) {
			if (!causedByStackOverflow(e)) {
				throw e;
			}
			super.doLoad(new LazyStringInputStream("", getEncoding()), options);
			getErrors().add(new TooDeep());
		}
	}

	@Override
	protected Reader createReader(InputStream inputStream) throws IOException {
		StringWriter text = new StringWriter();
		try (Reader in = super.createReader(inputStream)) {
			in.transferTo(text);
		}
		String s = text.toString();
		return new StringReader(s.endsWith("\r") ? s + "\n" : s);
	}

	private static boolean causedByStackOverflow(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof StackOverflowError) {
				return true;
			}
		}
		return false;
	}

	private final class TooDeep implements Resource.Diagnostic {
		@Override
		public String getMessage() {
			return TOO_DEEP;
		}

		@Override
		public String getLocation() {
			return getURI() == null ? null : getURI().toString();
		}

		@Override
		public int getLine() {
			return 1;
		}

		@Override
		public int getColumn() {
			return 1;
		}
	}
}
