package org.dmabufdio.runtime.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Sizes as scenarios write them: B, K, M, G, T, P, E are binary multiples (as the kernel's
 * memparse()), KiB..EiB say so explicitly, kB is the 1024-byte unit /proc prints; decimals are
 * allowed (3.21G). A number without a unit is not a size, except 0.
 */
public final class Sizes {

	private static final Map<String, Long> UNITS = Map.ofEntries(Map.entry("B", 1L), Map.entry("K", 1L << 10),
			Map.entry("M", 1L << 20), Map.entry("G", 1L << 30), Map.entry("T", 1L << 40), Map.entry("P", 1L << 50),
			Map.entry("E", 1L << 60), Map.entry("KiB", 1L << 10), Map.entry("MiB", 1L << 20), Map.entry("GiB", 1L << 30),
			Map.entry("TiB", 1L << 40), Map.entry("PiB", 1L << 50), Map.entry("EiB", 1L << 60), Map.entry("kB", 1L << 10));

	private Sizes() {
	}

	/** The unit of a size text ("G", "KiB", "kB"), or null when it has none. */
	public static String unit(String text) {
		int i = 0;
		while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
			i++;
		}
		return i == text.length() ? null : text.substring(i);
	}

	/** True if the text is a size a scenario may use: it has a unit, or it is zero. */
	public static boolean hasUnitOrIsZero(String text) {
		return unit(text) != null || new BigDecimal(text).signum() == 0;
	}

	/**
	 * The bytes a size text stands for, rounded down to a whole byte (3.21G is 3446711255).
	 * Throws IllegalArgumentException for text that is not a size or is out of range.
	 */
	public static long bytes(String text) {
		String unit = unit(text);
		String number = unit == null ? text : text.substring(0, text.length() - unit.length());
		long multiplier = unit == null ? 1 : UNITS.getOrDefault(unit, -1L);
		if (multiplier < 0) {
			throw new IllegalArgumentException("unknown size unit '" + unit + "' in " + text);
		}
		BigDecimal value = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier)).setScale(0, RoundingMode.FLOOR);
		if (value.toBigInteger().bitLength() > 62) {
			throw new IllegalArgumentException(text + " is beyond the 2^62 bytes a scenario can name");
		}
		return value.longValueExact();
	}

	/** A byte count as a short human size (3G, 1.5M, 4096B). */
	public static String format(long bytes) {
		String[] units = { "E", "P", "T", "G", "M", "K" };
		long[] mult = { 1L << 60, 1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10 };
		for (int i = 0; i < units.length; i++) {
			if (Math.abs(bytes) >= mult[i]) {
				BigDecimal v = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(mult[i]), 2, RoundingMode.HALF_UP)
						.stripTrailingZeros();
				return v.toPlainString() + units[i];
			}
		}
		return bytes + "B";
	}

	/** True if the text is a duration: a number with ns, us, ms or s. */
	public static boolean isDuration(String text) {
		return text.matches("[0-9]+(\\.[0-9]+)?(ns|us|ms|s)");
	}

	/** Bytes per second of a bandwidth text (2.1G/s). */
	public static double bandwidth(String text) {
		if (!text.endsWith("/s")) {
			throw new IllegalArgumentException("a bandwidth is a size per second, like 2.1G/s: " + text);
		}
		String size = text.substring(0, text.length() - 2);
		String unit = unit(size);
		String number = unit == null ? size : size.substring(0, size.length() - unit.length());
		Long multiplier = unit == null ? Long.valueOf(1) : UNITS.get(unit);
		if (multiplier == null) {
			throw new IllegalArgumentException("unknown size unit '" + unit + "' in " + text);
		}
		return new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier)).doubleValue();
	}

	/** Nanoseconds of a duration text (1600ms, 2s, 10us, 5ns, 1.5s). */
	public static long nanos(String text) {
		if (!isDuration(text)) {
			throw new IllegalArgumentException("a duration is a number with ns, us, ms or s: " + text);
		}
		String unit = text.endsWith("ns") ? "ns" : text.endsWith("us") ? "us" : text.endsWith("ms") ? "ms" : "s";
		BigDecimal number = new BigDecimal(text.substring(0, text.length() - unit.length()));
		long mult = switch (unit) {
		case "ns" -> 1L;
		case "us" -> 1_000L;
		case "ms" -> 1_000_000L;
		default -> 1_000_000_000L;
		};
		return number.multiply(BigDecimal.valueOf(mult)).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}
}
