package org.dmabufdio.dsl.interpreter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.dmabufdio.dsl.dmabuf.Axis;
import org.dmabufdio.dsl.dmabuf.AxisLabel;
import org.dmabufdio.dsl.dmabuf.Element;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Table;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.Verdict;
import org.dmabufdio.dsl.util.Quotes;

/** Builds the tables a file declares from the results of its scenarios. */
public final class Tables {

	/** The axis name that stands for the file's scenarios rather than a matrix dimension. */
	public static final String SCENARIO_AXIS = "scenario";

	private Tables() {
	}

	public static List<ResultTable> build(String file, Model model, List<ScenarioResult> results) {
		List<ScenarioResult> mine = results.stream()
				.filter(r -> r.file().equals(file) && r.status() != Verdict.ERROR && r.status() != Verdict.SKIP).toList();
		List<ResultTable> out = new ArrayList<>();
		for (Element e : model.getElements()) {
			if (e instanceof Table t) {
				out.add(build(file, t, mine));
			}
		}
		return out;
	}

	private static ResultTable build(String file, Table t, List<ScenarioResult> results) {
		Map<String, String> rowLabels = labels(t.getRows(), results);
		Map<String, String> columnLabels = labels(t.getColumns(), results);
		int rounds = results.stream().mapToInt(ScenarioResult::round).max().orElse(1);
		List<ResultTable.Row> rows = new ArrayList<>();
		for (Map.Entry<String, String> row : rowLabels.entrySet()) {
			List<List<Double>> byRound = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				List<Double> cells = new ArrayList<>();
				for (String column : columnLabels.keySet()) {
					cells.add(cell(results, t, row.getKey(), column, round));
				}
				byRound.add(cells);
			}
			for (int round = 1; round <= rounds; round++) {
				String label = rounds == 1 || round == (rounds + 1) / 2 ? row.getValue() : "";
				rows.add(new ResultTable.Row(label, rounds == 1 ? null : String.format(Locale.ROOT, "%02d", round),
						byRound.get(round - 1)));
			}
			if (rounds > 1) {
				List<Double> averages = new ArrayList<>();
				for (int c = 0; c < columnLabels.size(); c++) {
					int column = c;
					OptionalDouble avg = byRound.stream().filter(cells -> cells.get(column) != null)
							.mapToDouble(cells -> cells.get(column)).average();
					averages.add(avg.isPresent() ? avg.getAsDouble() : null);
				}
				rows.add(new ResultTable.Row("", "average", averages));
			}
		}
		String heading = t.getRows().getHeading() != null ? Quotes.unquote(t.getRows().getHeading()) : t.getRows().getDimension();
		return new ResultTable(file, Quotes.unquote(t.getTitle()), heading, rounds > 1,
				List.copyOf(columnLabels.values()), rows);
	}

	/** The axis values, labelled ones first in their order, then the others as the results have them. */
	private static Map<String, String> labels(Axis axis, List<ScenarioResult> results) {
		Map<String, String> out = new LinkedHashMap<>();
		for (AxisLabel l : axis.getLabels()) {
			out.put(Quotes.unquote(l.getValue()), Quotes.unquote(l.getLabel()));
		}
		for (ScenarioResult r : results) {
			String v = value(axis, r);
			if (v != null) {
				out.putIfAbsent(v, v);
			}
		}
		return out;
	}

	private static String value(Axis axis, ScenarioResult r) {
		return SCENARIO_AXIS.equals(axis.getDimension()) ? r.name() : r.params().get(axis.getDimension());
	}

	private static Double cell(List<ScenarioResult> results, Table t, String row, String column, int round) {
		for (ScenarioResult r : results) {
			if (row.equals(value(t.getRows(), r)) && column.equals(value(t.getColumns(), r)) && r.round() == round) {
				return r.timeNs() / 1e6;
			}
		}
		return null;
	}
}
