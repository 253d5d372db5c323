package org.dmabufdio.dsl.results;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dmabufdio.dsl.util.Quotes;

/**
 * A run as JUnit XML, the format Jenkins, GitLab and Surefire read: {@code <testsuites>}, a
 * {@code <testsuite>} per file, a {@code <testcase>} per scenario instance (its name with params
 * and round, the file as its class name, its tags as {@code <property name="tag">}), {@code <failure>} for a fail, {@code <error>} for a
 * broken scenario, {@code <skipped>} with the reason for a skip; an expected failure passes,
 * its reason in the output. Each case's {@code <system-out>} holds its steps as the text report
 * prints them. Times are the scenarios' simulated times, in seconds. A file that does not parse
 * or validate is a suite with one errored case listing its diagnostics. Written with the JDK's
 * StAX writer, which escapes what XML needs.
 */
public final class JunitReport {

	private final XMLStreamWriter xml;

	private JunitReport(XMLStreamWriter xml) {
		this.xml = xml;
	}

	public static String render(RunResult run) {
		StringWriter text = new StringWriter();
		try {
			XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
			new JunitReport(w).document(run);
			w.close();
		} catch (XMLStreamException e) {
			throw new IllegalStateException(e);
		}
		return text + "\n";
	}

	private void document(RunResult run) throws XMLStreamException {
		Map<String, List<ScenarioResult>> byFile = new LinkedHashMap<>();
		Map<String, List<FileDiagnostic>> invalid = new LinkedHashMap<>();
		for (FileDiagnostic d : run.diagnostics()) {
			if ("error".equals(d.severity())) {
				invalid.computeIfAbsent(d.file(), f -> new ArrayList<>()).add(d);
			}
		}
		for (ScenarioResult s : run.scenarios()) {
			byFile.computeIfAbsent(s.file(), f -> new ArrayList<>()).add(s);
		}
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeCharacters("\n");
		xml.writeStartElement("testsuites");
		xml.writeAttribute("name", "dmabufdio");
		counts(run.scenarios(), invalid.size());
		xml.writeCharacters("\n");
		for (Map.Entry<String, List<FileDiagnostic>> f : invalid.entrySet()) {
			invalidFile(f.getKey(), f.getValue());
		}
		for (Map.Entry<String, List<ScenarioResult>> f : byFile.entrySet()) {
			suite(f.getKey(), f.getValue());
		}
		xml.writeEndElement();
		xml.writeEndDocument();
	}

	private void counts(List<ScenarioResult> results, int brokenFiles) throws XMLStreamException {
		long time = 0;
		int[] n = new int[Verdict.values().length];
		for (ScenarioResult s : results) {
			n[s.status().ordinal()]++;
			time += s.timeNs();
		}
		xml.writeAttribute("tests", Integer.toString(results.size() + brokenFiles));
		xml.writeAttribute("failures", Integer.toString(n[Verdict.FAIL.ordinal()]));
		xml.writeAttribute("errors", Integer.toString(n[Verdict.ERROR.ordinal()] + brokenFiles));
		xml.writeAttribute("skipped", Integer.toString(n[Verdict.SKIP.ordinal()]));
		xml.writeAttribute("time", seconds(time));
	}

	private void suite(String file, List<ScenarioResult> results) throws XMLStreamException {
		xml.writeStartElement("testsuite");
		xml.writeAttribute("name", xmlChars(Quotes.escapeControls(file)));
		counts(results, 0);
		xml.writeCharacters("\n");
		for (ScenarioResult s : results) {
			xml.writeStartElement("testcase");
			xml.writeAttribute("name", xmlChars(InstanceName.of(s)));
			xml.writeAttribute("classname", xmlChars(Quotes.escapeControls(file)));
			xml.writeAttribute("file", xmlChars(Quotes.escapeControls(file)));
			if (s.line() > 0) { // where it failed; a passing run has no line of its own
				xml.writeAttribute("line", Integer.toString(s.line()));
			}
			xml.writeAttribute("time", seconds(s.timeNs()));
			tags(s.tags());
			switch (s.status()) {
			case FAIL -> outcome("failure", s.message(), String.join("\n", s.why()));
			case ERROR -> outcome("error", s.message(), String.join("\n", s.why()));
			case SKIP -> outcome("skipped", s.message(), null);
			default -> {
			}
			}
			xml.writeStartElement("system-out");
			xml.writeCData(cdataSafe(xmlChars((s.status() == Verdict.XFAIL ? "xfail: " + s.message() + "\n" : "") + TextReport.render(s))));
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeCharacters("\n");
		}
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	/** A case's tags as properties (name "tag"), which Jenkins keeps with the case. */
	private void tags(List<String> tags) throws XMLStreamException {
		if (tags.isEmpty()) {
			return;
		}
		xml.writeStartElement("properties");
		for (String t : tags) {
			xml.writeEmptyElement("property");
			xml.writeAttribute("name", "tag");
			xml.writeAttribute("value", xmlChars(Quotes.escapeControls(t)));
		}
		xml.writeEndElement();
	}

	private void invalidFile(String file, List<FileDiagnostic> problems) throws XMLStreamException {
		xml.writeStartElement("testsuite");
		xml.writeAttribute("name", xmlChars(Quotes.escapeControls(file)));
		xml.writeAttribute("tests", "1");
		xml.writeAttribute("failures", "0");
		xml.writeAttribute("errors", "1");
		xml.writeAttribute("skipped", "0");
		xml.writeAttribute("time", "0");
		xml.writeStartElement("testcase");
		xml.writeAttribute("name", "the file parses and validates");
		xml.writeAttribute("classname", xmlChars(Quotes.escapeControls(file)));
		StringBuilder all = new StringBuilder();
		problems.forEach(d -> all.append(d).append('\n'));
		outcome("error", problems.get(0).toString(), all.toString());
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

	private void outcome(String element, String message, String body) throws XMLStreamException {
		xml.writeStartElement(element);
		if (message != null) {
			xml.writeAttribute("message", xmlChars(Quotes.escapeControls(message)));
		}
		if (!"skipped".equals(element)) {
			xml.writeAttribute("type", element.equals("failure") ? "fail" : "error");
		}
		if (body != null) {
			xml.writeCharacters(xmlChars(body));
		}
		xml.writeEndElement();
	}

	/**
	 * {@code s} with the characters XML 1.0 cannot carry at all (controls other than tab and line
	 * breaks, unpaired surrogates, U+FFFE, U+FFFF) written as {@code \\uXXXX}: a scenario's text
	 * must not make the report unreadable.
	 */
	static String xmlChars(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
			if (pair) {
				out.append(c).append(s.charAt(++i));
			} else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
				out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** A CDATA section cannot hold "]]>": split it where it occurs. */
	private static String cdataSafe(String s) {
		return s.replace("]]>", "]]]]><![CDATA[>");
	}

	private static String seconds(long ns) {
		return String.format(Locale.ROOT, "%.3f", ns / 1e9);
	}
}
