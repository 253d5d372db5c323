package org.dmabufdio.runtime.devices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dmabufdio.runtime.kernel.BootParams;
import org.dmabufdio.runtime.util.Sizes;

/**
 * A device profile: a named set of parameter values, read from a data file where each line is
 * {@code key = value  # unit and source or reasoning}. Applying it to boot parameters sets them.
 */
public final class DeviceProfile {

	private final String name;
	private final String description;
	private final Map<DeviceParameter, String> values;

	public DeviceProfile(String name, String description, Map<DeviceParameter, String> values) {
		this.name = name;
		this.description = description;
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

	/** Values as written in the profile, by parameter. */
	public Map<DeviceParameter, String> values() {
		return values;
	}

	/** The boot parameters of this device (defaults for what it does not say). */
	public BootParams bootParams() {
		BootParams p = new BootParams();
		values.forEach((param, text) -> set(p, param, text));
		return p;
	}

	/**
	 * Sets one parameter from its written value; throws IllegalArgumentException, with a message
	 * naming the expected unit, if the value does not fit the parameter.
	 */
	public static void set(BootParams p, DeviceParameter param, String text) {
		switch (param.unit()) {
		case SIZE -> param.apply(p, Sizes.bytes(requireUnit(param, text)));
		case BANDWIDTH -> param.apply(p, parse(param, text, Sizes::bandwidth));
		case DURATION -> param.apply(p, parse(param, text, Sizes::nanos));
		case COUNT -> param.apply(p, parseCount(param, text));
		case WORD -> param.applyWord(p, text);
		}
	}

	private static <T> T parse(DeviceParameter param, String text, java.util.function.Function<String, T> parser) {
		try {
			return parser.apply(text);
		} catch (RuntimeException e) {
			throw new IllegalArgumentException(param.key() + " is " + describe(param) + ", not " + text);
		}
	}

	private static String requireUnit(DeviceParameter param, String text) {
		if (!Sizes.hasUnitOrIsZero(text)) {
			throw new IllegalArgumentException(param.key() + " is a size: write it with a unit, like " + text + "K");
		}
		return text;
	}

	private static Number parseCount(DeviceParameter param, String text) {
		try {
			return Long.parseLong(text);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(param.key() + " is a plain number, not " + text);
		}
	}

	static String describe(DeviceParameter param) {
		return switch (param.unit()) {
		case SIZE -> "a size, like 16G";
		case BANDWIDTH -> "a bandwidth, like 2.1G/s";
		case DURATION -> "a duration, like 100us";
		case COUNT -> "a plain number";
		case WORD -> "a word";
		};
	}

	/** Reads a profile file; errors name the line. */
	public static DeviceProfile read(String name, InputStream in) throws IOException {
		Map<DeviceParameter, String> values = new LinkedHashMap<>();
		StringBuilder description = new StringBuilder();
		BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int n = 0;
		while ((line = r.readLine()) != null) {
			n++;
			String trimmed = line.trim();
			if (trimmed.startsWith("#")) {
				if (values.isEmpty() && description.length() == 0) {
					description.append(trimmed.substring(1).trim());
				}
				continue;
			}
			int hash = trimmed.indexOf('#');
			String body = (hash >= 0 ? trimmed.substring(0, hash) : trimmed).trim();
			if (body.isEmpty()) {
				continue;
			}
			int eq = body.indexOf('=');
			if (eq < 0) {
				throw new IOException(name + ":" + n + ": expected 'key = value'");
			}
			String key = body.substring(0, eq).trim();
			DeviceParameter param = DeviceParameter.byKey(key);
			if (param == null) {
				throw new IOException(name + ":" + n + ": unknown parameter '" + key + "'");
			}
			if (hash < 0) {
				throw new IOException(name + ":" + n + ": " + key + " needs a '# source or reasoning' comment");
			}
			String value = body.substring(eq + 1).trim();
			try {
				set(new BootParams(), param, value);
			} catch (IllegalArgumentException e) {
				throw new IOException(name + ":" + n + ": " + e.getMessage(), e);
			}
			values.put(param, value);
		}
		return new DeviceProfile(name, description.toString(), values);
	}
}
