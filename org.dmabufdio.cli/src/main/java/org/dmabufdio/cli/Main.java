package org.dmabufdio.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.loading.Selection;
import org.dmabufdio.dsl.results.Reports;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line, parsed by picocli: {@code run}, {@code format}, {@code lsp} (and, through
 * the {@code ./dmabufdio} launcher, {@code bench} and {@code fuzz}). Exit status, failures
 * counted as Robot Framework counts them: 0 if every run passed (or was skipped or an expected
 * failure), the number of failed runs up to 250, 252 if a file does not parse or validate, 253
 * for a bad command line, 255 if the tool itself broke; {@code --help} and {@code --version}
 * exit 0. (Robot gives 252 to both bad data and bad options; these are told apart here.)
 */
@Command(name = "dmabufdio", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
		description = "Scenarios of Linux memory and I/O around dma-buf direct I/O: run them on the simulator, format them, edit them.",
		subcommands = { Main.Run.class, Main.Format.class, Main.Lsp.class },
		footerHeading = "%nAlso, through the ./dmabufdio launcher:%n",
		footer = { "  bench [CASE...]     the simulator's and the language's benchmarks",
				"  fuzz [--minutes N]  fuzzing of the parser, validators, formatter, interpreter", "",
				"Exit status: 0 all passed (or skipped, or failed as expected);",
				"  1-250 that many runs failed; 252 a file does not parse or validate;",
				"  253 a bad command line; 255 the tool broke. The README has the table." })
public final class Main implements Callable<Integer> {

	public static final int EXIT_INVALID = 252;
	public static final int EXIT_USAGE = 253;
	public static final int EXIT_INTERNAL = 255;
	public static final int MAX_FAILED = 250;

	@Spec
	CommandLine.Model.CommandSpec spec;

	private final PrintStream out;
	private final PrintStream err;

	private Main(PrintStream out, PrintStream err, boolean terminal) {
		this.out = out;
		this.err = err;
		this.terminal = terminal;
	}

	private final boolean terminal;

	public static void main(String[] args) {
		// Guice's defaults suit a long-lived server: a stack trace recorded for each of Xtext's
		// hundreds of bindings, and classes generated for fast injection. A command line that
		// makes one injector and exits starts faster without either (issue 13, cold start).
		System.setProperty("guice_include_stack_traces", System.getProperty("guice_include_stack_traces", "OFF"));
		System.setProperty("guice_bytecode_gen_option", System.getProperty("guice_bytecode_gen_option", "DISABLED"));
		// not autoflushed: a long report is written in large pieces; the run flushes as results stream
		PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		int status = run(args, out, err, terminal());
		out.flush();
		System.exit(status);
	}

	/**
	 * Whether standard output is a terminal: the launcher says so ({@code [ -t 1 ]}, in
	 * {@code dmabufdio.terminal}); without it, Java 17 to 21 have a console only when both ends
	 * are terminals (from Java 22 a console is there even for a pipe: then it is asked).
	 */
	static boolean terminal() {
		String said = System.getProperty("dmabufdio.terminal");
		if (said != null) {
			return Boolean.parseBoolean(said);
		}
		java.io.Console console = System.console();
		if (console == null) {
			return false;
		}
		if (Runtime.version().feature() < 22) {
			return true;
		}
		try {
			return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
		} catch (ReflectiveOperationException e) {
			return false;
		}
	}

	/** Runs the command line; returns the exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, false);
	}

	/** As {@link #run(String[], PrintStream, PrintStream)}; {@code terminal}: standard output is a terminal. */
	static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
		CommandLine cli = new CommandLine(new Main(out, err, terminal));
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		cli.setExitCodeExceptionMapper(e -> EXIT_INTERNAL);
		cli.setParameterExceptionHandler((e, a) -> {
			e.getCommandLine().getErr().println(e.getMessage());
			e.getCommandLine().usage(e.getCommandLine().getErr());
			return EXIT_USAGE;
		});
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			err.println("dmabufdio: the tool broke: " + e);
			e.printStackTrace(err);
			return EXIT_INTERNAL;
		});
		return cli.execute(args);
	}

	/** Without a command: the usage, as a bad command line. */
	@Override
	public Integer call() {
		spec.commandLine().usage(err);
		return EXIT_USAGE;
	}

	/** The version in the jar's manifest (the build's project version). */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String v = Main.class.getPackage().getImplementationVersion();
			return new String[] { "dmabufdio " + (v == null ? "(development build)" : v),
					"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")" };
		}
	}

	enum OutputFormat {
		text, json, junit, ktap, html
	}

	@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
			description = "Runs every scenario of the files and directories given (directories are searched for *.dmabuf) on the simulator.",
			footerHeading = "%nExamples:%n",
			footer = { "  ./dmabufdio run scenarios/card.dmabuf", "  ./dmabufdio run --format json scenarios/ > results.json",
					"  ./dmabufdio run --max-instances 100000 sweeps/",
					"  ./dmabufdio run --tag page_cache --exclude-tag writeback scenarios/",
					"  ./dmabufdio run --report junit:out.xml --report html:out.html scenarios/",
					"  ./dmabufdio run --list --name 'cover letter*' scenarios/",
					"", "Imports stay under the suite's root: the directories named, and the directory of each file named." })
	static final class Run implements Callable<Integer> {
		@CommandLine.ParentCommand
		Main main;

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
				description = "What standard output gets: text (default), json, junit (JUnit XML), ktap (KTAP, as kselftest) "
						+ "or html (one self-contained page with charts); e.g. --format ktap")
		OutputFormat format;

		@Option(names = "--report", paramLabel = "FORMAT:PATH", description = "Also write a report to a file, in one pass "
				+ "(repeatable; written whole or not at all); e.g. --report junit:out.xml --report html:report.html")
		List<String> reports = List.of();

		@Option(names = "--max-instances", paramLabel = "N", description = "How many instances (matrix points x rounds) one scenario may "
				+ "expand to; a scenario over it is an error before anything runs (default: 10000); e.g. --max-instances 100000")
		long maxInstances = Budget.DEFAULT.maxInstances();

		@Option(names = "--tag", paramLabel = "TAG", description = "Run only scenarios with this tag (repeatable: any of them; "
				+ "* and ? match any text and any character, case is ignored); e.g. --tag seed --tag 'time*'")
		List<String> tags = List.of();

		@Option(names = "--exclude-tag", paramLabel = "TAG", description = "Leave out scenarios with this tag, even if --tag "
				+ "takes them (repeatable, patterns as --tag); e.g. --exclude-tag slow")
		List<String> excludedTags = List.of();

		@Option(names = "--name", paramLabel = "GLOB", description = "Run only scenarios whose whole title matches (repeatable: "
				+ "any of them; * and ?, case ignored); e.g. --name 'cover letter*'")
		List<String> names = List.of();

		@Option(names = "--list", description = "List the instances that would run, with their tags, and run nothing; "
				+ "e.g. --list --tag seed scenarios/")
		boolean list;

		@Option(names = { "-j", "--jobs" }, paramLabel = "N", description = "Run N instances at a time (default: the number of "
				+ "cores); the output is the same as with -j 1; e.g. -j 1")
		int jobs = Runtime.getRuntime().availableProcessors();

		@Option(names = { "-q", "--quiet" }, description = "Print only the runs that did not pass, and the summary (text); e.g. --quiet")
		boolean quiet;

		@Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*", description = "Scenario files (*.dmabuf) and directories")
		List<String> paths;

		@Override
		public Integer call() {
			if (jobs < 1) {
				throw new CommandLine.ParameterException(spec.commandLine(), "-j takes a number of at least 1");
			}
			if (maxInstances < 1) {
				throw new CommandLine.ParameterException(spec.commandLine(), "--max-instances must be at least 1");
			}
			Map<Path, String> files = new LinkedHashMap<>();
			for (String r : reports) {
				try {
					Reports.Target t = Reports.parse(r);
					files.put(t.path(), t.format());
				} catch (IllegalArgumentException e) {
					throw new CommandLine.ParameterException(spec.commandLine(), "--report: " + e.getMessage());
				}
			}
			RunCommand command = new RunCommand(format.name(), files, maxInstances, new Selection(tags, excludedTags, names), jobs,
					quiet, main.terminal, main.out, main.err);
			return list ? command.list(paths) : command.run(paths);
		}
	}

	@Command(name = "format", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
			description = "Puts scenario files into the canonical layout, in place (the editors' formatter).",
			footerHeading = "%nExamples:%n", footer = { "  ./dmabufdio format scenarios/", "  ./dmabufdio format --check scenarios/   (in CI)" })
	static final class Format implements Callable<Integer> {
		@CommandLine.ParentCommand
		Main main;

		@Option(names = "--check", description = "Only list the files not in the canonical layout, and exit 1 if there are any; e.g. --check")
		boolean check;

		@Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*", description = "Scenario files (*.dmabuf) and directories")
		List<String> paths;

		@Override
		public Integer call() {
			return new FormatCommand(check, main.out, main.err).run(paths);
		}
	}

	@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
			description = "The language server on standard input and output (LSP), for any editor with an LSP client.",
			footerHeading = "%nExample (an editor's server command):%n", footer = "  /path/to/dmabufdio lsp")
	static final class Lsp implements Callable<Integer> {
		@Override
		public Integer call() {
			// stdout carries the protocol: anything else printed goes to stderr
			PrintStream protocol = System.out;
			System.setOut(System.err);
			return LspCommand.serve(System.in, protocol);
		}
	}
}
