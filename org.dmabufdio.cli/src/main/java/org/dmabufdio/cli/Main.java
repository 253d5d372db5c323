package org.dmabufdio.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dmabufdio run [--format text|json] FILE_OR_DIR...}: runs every scenario and prints
 * the results. Exit status: 0 if all passed, the number of failed scenario runs (at most 250)
 * otherwise, 252 if a file does not parse or validate, 2 for a bad command line.
 * {@code dmabufdio format [--check] FILE_OR_DIR...}: puts files into the canonical format
 * (with --check: exit status 1 if one is not in it).
 * {@code dmabufdio lsp}: the language server on stdin/stdout.
 */
public final class Main {

	public static final int EXIT_USAGE = 2;
	public static final int EXIT_INVALID = 252;
	public static final int MAX_FAILED = 250;

	private Main() {
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(args, out, err));
	}

	/** Runs the command line; returns the exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length > 0 && "format".equals(args[0])) {
			return format(args, out, err);
		}
		if (args.length == 1 && "lsp".equals(args[0])) {
			// stdout carries the protocol: anything else printed goes to stderr
			PrintStream protocol = System.out;
			System.setOut(System.err);
			return LspCommand.serve(System.in, protocol);
		}
		if (args.length == 0 || !"run".equals(args[0])) {
			err.println(usage());
			return EXIT_USAGE;
		}
		String format = "text";
		List<String> paths = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String a = args[i];
			if (a.equals("--format") && i + 1 < args.length) {
				format = args[++i];
			} else if (a.startsWith("--format=")) {
				format = a.substring("--format=".length());
			} else if (a.startsWith("-")) {
				err.println("unknown option " + a + "\n" + usage());
				return EXIT_USAGE;
			} else {
				paths.add(a);
			}
		}
		if (!format.equals("text") && !format.equals("json")) {
			err.println("--format is text or json, not " + format);
			return EXIT_USAGE;
		}
		if (paths.isEmpty()) {
			err.println(usage());
			return EXIT_USAGE;
		}
		return new RunCommand(format, out, err).run(paths);
	}

	private static int format(String[] args, PrintStream out, PrintStream err) {
		boolean check = false;
		List<String> paths = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--check")) {
				check = true;
			} else if (args[i].startsWith("-")) {
				err.println("unknown option " + args[i] + "\n" + usage());
				return EXIT_USAGE;
			} else {
				paths.add(args[i]);
			}
		}
		if (paths.isEmpty()) {
			err.println(usage());
			return EXIT_USAGE;
		}
		return new FormatCommand(check, out, err).run(paths);
	}

	static String usage() {
		return "usage: dmabufdio run [--format text|json] FILE_OR_DIR...\n       dmabufdio format [--check] FILE_OR_DIR...\n"
				+ "       dmabufdio lsp    (the language server on stdin/stdout)";
	}
}
