package org.dmabufdio.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.dmabufdio.dsl.DmabufStandaloneSetup;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.formatting2.Formatting;
import org.dmabufdio.dsl.interpreter.Budget;
import org.dmabufdio.dsl.interpreter.Instance;
import org.dmabufdio.dsl.interpreter.Interpreter;
import org.dmabufdio.dsl.loading.InstanceLimit;
import org.dmabufdio.dsl.loading.ScenarioLoader;
import org.dmabufdio.dsl.loading.SuiteRoot;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.TextReport;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * One fuzz input through everything a scenario file meets: the parser, the validators, the
 * formatter and the interpreter, as {@code ./dmabufdio run} and {@code format} use them. An input
 * is a finding when anything throws, when a validator fails (Xtext only logs that), when a
 * diagnostic or a report line breaks its one-line format, when formatted text no longer
 * parses, or when the interpreter had to turn a crash of the simulator into an error verdict.
 * Scenarios run under a small budget, so an input costs milliseconds, not the seconds a 3 GiB
 * read takes; the budget's own stops are verdicts, not findings.
 */
public final class ScenarioFuzzTarget {

	/** Small enough that one input runs in milliseconds, large enough for every shipped scenario's first steps. */
	static final Budget BUDGET = new Budget(500, Budget.DEFAULT.maxSimulatedNs(), 2_000_000_000L, 2_000, 0.6, 16);

	private static final Path SUITE = Path.of(System.getProperty("java.io.tmpdir"), "dmabufdio-fuzz-suite");

	private final Injector injector = new DmabufStandaloneSetup().createInjectorAndDoEMFRegistration();
	private final IResourceValidator validator = injector.getInstance(IResourceValidator.class);
	private final Formatting formatting = injector.getInstance(Formatting.class);
	private final List<String> logged = new ArrayList<>();

	public ScenarioFuzzTarget() {
		// Xtext logs a validator's exception and goes on: for the fuzzer that is a finding
		Logger.getRootLogger().addAppender(new AppenderSkeleton() {
			@Override
			protected void append(LoggingEvent event) {
				if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
					logged.add(event.getRenderedMessage() + (event.getThrowableInformation() == null ? ""
							: ": " + event.getThrowableInformation().getThrowable()));
				}
			}

			@Override
			public void close() {
			}

			@Override
			public boolean requiresLayout() {
				return false;
			}
		});
	}

	/** Runs one input; throws (an AssertionError, or whatever broke) if it is a finding. */
	public void check(String text) {
		logged.clear();
		XtextResource resource = parse(text);
		List<FileDiagnostic> diagnostics = validate(resource);
		expectNothingLogged("validating");
		boolean syntaxErrors = resource.getParseResult().hasSyntaxErrors();
		if (!syntaxErrors) {
			String formatted = formatting.format(resource);
			XtextResource again = formatted.equals(text) ? resource : parse(formatted);
			if (again.getParseResult().hasSyntaxErrors()) {
				throw new AssertionError("formatted text does not parse: " + again.getParseResult().getSyntaxErrors().iterator()
						.next().getSyntaxErrorMessage().getMessage() + "\n--- formatted:\n" + formatted);
			}
		}
		if (syntaxErrors || resource.getContents().isEmpty() || diagnostics.stream().anyMatch(d -> d.severity().equals("error"))) {
			return;
		}
		// each scenario's first instance: the others differ only in their parameters' values
		List<ScenarioResult> results = new ArrayList<>();
		for (Element e : ((Model) resource.getContents().get(0)).getElements()) {
			if (e instanceof Scenario s) {
				results.add(new Interpreter("fuzz.dmabuf", Instance.expand(s).iterator().next(), BUDGET).run(s));
			}
		}
		for (ScenarioResult r : results) {
			if (r.message() != null && (r.message().startsWith("the simulator failed") || r.message().startsWith("the simulator ran out"))) {
				throw new AssertionError("line " + r.line() + ": " + r.message());
			}
		}
		org.dmabufdio.dsl.results.RunResult run = new org.dmabufdio.dsl.results.RunResult(results, List.of(), diagnostics);
		for (String line : TextReport.render(run).split("\n")) {
			oneLine(line);
		}
		reports(run);
		expectNothingLogged("running");
	}

	/**
	 * Every report of the run renders, whatever the file held: the JUnit XML parses as XML, and
	 * each KTAP line is one line.
	 */
	private static void reports(org.dmabufdio.dsl.results.RunResult run) {
		for (String format : org.dmabufdio.dsl.results.Reports.FORMATS) {
			String text = org.dmabufdio.dsl.results.Reports.render(format, run);
			if (format.equals("junit")) {
				try {
					javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
							.parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
				} catch (Exception e) {
					throw new AssertionError("the JUnit report is not XML: " + e.getMessage(), e);
				}
			} else if (format.equals("ktap")) {
				for (String line : text.split("\n")) {
					oneLine(line);
				}
			}
		}
	}

	private XtextResource parse(String text) {
		XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
		SuiteRoot.set(rs, List.of(SUITE));
		InstanceLimit.set(rs, BUDGET.maxInstances());
		return ScenarioLoader.parse(rs, URI.createFileURI(SUITE.resolve("fuzz.dmabuf").toString()), text);
	}

	private List<FileDiagnostic> validate(XtextResource r) {
		List<FileDiagnostic> out = new ArrayList<>();
		for (Issue i : validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) {
			if (i.getSeverity() == Severity.ERROR || i.getSeverity() == Severity.WARNING) {
				FileDiagnostic d = new FileDiagnostic("fuzz.dmabuf", orZero(i.getLineNumber()), orZero(i.getColumn()),
						i.getSeverity() == Severity.ERROR ? "error" : "warning", i.getMessage(), i.getCode());
				oneLine(d.toString());
				out.add(d);
			}
		}
		return out;
	}

	private void expectNothingLogged(String when) {
		if (!logged.isEmpty()) {
			throw new AssertionError("an error was logged while " + when + ": " + logged.get(0));
		}
	}

	private static void oneLine(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (Character.isISOControl(s.charAt(i)) && s.charAt(i) != '\t') {
				throw new AssertionError("a control character in an output line: " + s);
			}
		}
	}

	private static int orZero(Integer i) {
		return i == null ? 0 : i;
	}
}
