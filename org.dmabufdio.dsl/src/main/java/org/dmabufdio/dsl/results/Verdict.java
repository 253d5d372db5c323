package org.dmabufdio.dsl.results;

/** A scenario instance's verdict, as kselftest reports them. */
public enum Verdict {
	/** every step ran and every assertion held */
	PASS,
	/** an assertion did not hold, or an error no assertion expected happened */
	FAIL,
	/** failed as a known kernel behaviour the scenario declares with xfail */
	XFAIL,
	/** not run, for the reason the scenario gives */
	SKIP,
	/** the scenario itself is broken: it could not be run as written */
	ERROR;

	/** The lower-case name the JSON and text reports use. */
	public String word() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
