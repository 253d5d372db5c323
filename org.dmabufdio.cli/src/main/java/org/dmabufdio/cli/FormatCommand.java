package org.dmabufdio.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.formatting2.Formatting;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

/**
 * Puts scenario files into the canonical format, in place; with {@code --check}, only reports
 * the files that are not in it. A file with syntax errors is reported and left alone.
 */
final class FormatCommand {

	private final boolean check;
	private final PrintStream out;
	private final PrintStream err;

	FormatCommand(boolean check, PrintStream out, PrintStream err) {
		this.check = check;
		this.out = out;
		this.err = err;
	}

	int run(List<String> paths) {
		Injector injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
		Formatting formatting = injector.getInstance(Formatting.class);
		List<Path> files;
		try {
			files = ScenarioLoader.files(paths.stream().map(Path::of).toList());
		} catch (IOException e) {
			err.println(e.getMessage());
			return Main.EXIT_USAGE;
		}
		int notCanonical = 0;
		boolean syntaxErrors = false;
		for (Path file : files) {
			XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
			XtextResource r = (XtextResource) rs.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true);
			if (r.getParseResult().hasSyntaxErrors()) {
				for (INode n : r.getParseResult().getSyntaxErrors()) {
					err.println(file + ":" + n.getStartLine() + ":" + column(n) + ": error: " + n.getSyntaxErrorMessage().getMessage());
				}
				syntaxErrors = true;
				continue;
			}
			try {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				String canonical = formatting.format(r);
				if (text.equals(canonical)) {
					continue;
				}
				notCanonical++;
				if (check) {
					out.println(file + ": not in the canonical format");
				} else {
					Files.writeString(file, canonical, StandardCharsets.UTF_8);
					out.println(file + ": formatted");
				}
			} catch (IOException e) {
				err.println(file + ": " + e.getMessage());
				return Main.EXIT_USAGE;
			}
		}
		if (syntaxErrors) {
			return Main.EXIT_INVALID;
		}
		return check && notCanonical > 0 ? 1 : 0;
	}

	private static int column(INode n) {
		String text = n.getRootNode().getText();
		int lineStart = text.lastIndexOf('\n', Math.max(0, n.getOffset() - 1)) + 1;
		return n.getOffset() - lineStart + 1;
	}
}
