package org.dmabufdio.dsl.loading;

import java.util.List;
import java.util.regex.Pattern;

import org.dmabufdio.dsl.dmabuf.Scenario;

/**
 * Which scenarios a run takes, as Robot Framework selects tests: {@code --tag} patterns (a
 * scenario with any matching tag is taken; none given, all are), {@code --exclude-tag} patterns
 * (a scenario with any matching tag is left out, even if included) and {@code --name} patterns
 * (its title matches one). Patterns are globs ({@code *}, {@code ?}) and, as in Robot, ignore
 * case; a name pattern must match the whole title. Scenarios left out are not run and not
 * reported.
 */
public record Selection(List<String> tags, List<String> excludedTags, List<String> names) {

	/** Everything. */
	public static final Selection ALL = new Selection(List.of(), List.of(), List.of());

	public Selection {
		tags = List.copyOf(tags);
		excludedTags = List.copyOf(excludedTags);
		names = List.copyOf(names);
	}

	public boolean isAll() {
		return tags.isEmpty() && excludedTags.isEmpty() && names.isEmpty();
	}

	public boolean includes(Scenario scenario) {
		return includes(scenario.getTitle(), scenario.getTags());
	}

	/** Whether a scenario with this title and these tags is taken. */
	public boolean includes(String title, List<String> scenarioTags) {
		if (!tags.isEmpty() && scenarioTags.stream().noneMatch(t -> anyMatches(tags, t))) {
			return false;
		}
		if (scenarioTags.stream().anyMatch(t -> anyMatches(excludedTags, t))) {
			return false;
		}
		return names.isEmpty() || anyMatches(names, title == null ? "" : title);
	}

	/** The selection as a user wrote it, for "nothing matches ..." messages. */
	public String describe() {
		StringBuilder out = new StringBuilder();
		tags.forEach(t -> out.append(out.isEmpty() ? "" : " ").append("--tag ").append(t));
		excludedTags.forEach(t -> out.append(out.isEmpty() ? "" : " ").append("--exclude-tag ").append(t));
		names.forEach(n -> out.append(out.isEmpty() ? "" : " ").append("--name '").append(n).append('\''));
		return out.toString();
	}

	private static boolean anyMatches(List<String> globs, String value) {
		return globs.stream().anyMatch(g -> glob(g).matcher(value).matches());
	}

	/** A glob as a regular expression: {@code *} any run, {@code ?} one character, the rest literal. */
	static Pattern glob(String glob) {
		StringBuilder re = new StringBuilder();
		StringBuilder literal = new StringBuilder();
		for (char c : glob.toCharArray()) {
			if (c == '*' || c == '?') {
				if (!literal.isEmpty()) {
					re.append(Pattern.quote(literal.toString()));
					literal.setLength(0);
				}
				re.append(c == '*' ? ".*" : ".");
			} else {
				literal.append(c);
			}
		}
		if (!literal.isEmpty()) {
			re.append(Pattern.quote(literal.toString()));
		}
		return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
	}

}
