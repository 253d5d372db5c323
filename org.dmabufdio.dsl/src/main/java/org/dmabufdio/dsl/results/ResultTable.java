package org.dmabufdio.dsl.results;

import java.util.List;

/**
 * A table a scenario file asked for: measured times (ms) of its instances, one row per value of
 * one dimension (and per round, then their average, when there are rounds), one column per value
 * of another.
 */
public record ResultTable(String file, String title, String rowHeading, boolean byRound, List<String> columns,
		List<Row> rows) {

	/**
	 * One row: its label, its round ("01", "02" ... or "average"; null without rounds) and one
	 * cell per column, null where no instance was measured.
	 */
	public record Row(String label, String round, List<Double> cellsMs) {
	}
}
