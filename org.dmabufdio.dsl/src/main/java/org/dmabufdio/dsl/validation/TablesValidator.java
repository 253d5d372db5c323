package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.Axis;
import org.dmabufdio.dsl.dmabuf.AxisLabel;
import org.dmabufdio.dsl.dmabuf.ForEach;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.dmabuf.Table;
import org.dmabufdio.dsl.interpreter.Tables;
import org.dmabufdio.dsl.util.Quotes;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Tables: each axis is a matrix dimension of the file's scenarios (or 'scenario'), rows and
 * columns differ, and labelled values are values the dimension takes.
 */
public class TablesValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@Check
	public void table(Table t) {
		Map<String, Set<String>> dimensions = dimensions(EcoreUtil2.getContainerOfType(t, Model.class));
		check(t.getRows(), dimensions);
		check(t.getColumns(), dimensions);
		if (t.getRows() != null && t.getColumns() != null && t.getRows().getDimension() != null
				&& t.getRows().getDimension().equals(t.getColumns().getDimension())) {
			error("rows and columns are both '" + t.getColumns().getDimension() + "'", t.getColumns(), AXIS__DIMENSION,
					IssueCodes.BAD_TABLE);
		}
	}

	@Check
	public void noScenarioDimension(ForEach f) {
		if (Tables.SCENARIO_AXIS.equals(f.getName())) {
			error("'scenario' names a file's scenarios in tables; call this dimension something else", DECLARATION__NAME,
					IssueCodes.BAD_TABLE);
		}
	}

	private void check(Axis axis, Map<String, Set<String>> dimensions) {
		if (axis == null || axis.getDimension() == null || Tables.SCENARIO_AXIS.equals(axis.getDimension())) {
			return;
		}
		Set<String> values = dimensions.get(axis.getDimension());
		if (values == null) {
			error("no scenario of this file has a dimension '" + axis.getDimension() + "'"
					+ (dimensions.isEmpty() ? "" : " (it has " + String.join(", ", dimensions.keySet()) + ")"), axis,
					AXIS__DIMENSION, IssueCodes.BAD_TABLE);
			return;
		}
		for (AxisLabel l : axis.getLabels()) {
			if (!values.contains(Quotes.unquote(l.getValue()))) {
				warning("'" + axis.getDimension() + "' never takes the value " + l.getValue(), l, AXIS_LABEL__VALUE,
						IssueCodes.BAD_TABLE);
			}
		}
	}

	/** Every matrix dimension of the file's scenarios, with the values it takes. */
	private static Map<String, Set<String>> dimensions(Model model) {
		Map<String, Set<String>> out = new LinkedHashMap<>();
		if (model == null) {
			return out;
		}
		for (Scenario s : EcoreUtil2.typeSelect(model.getElements(), Scenario.class)) {
			for (ForEach f : EcoreUtil2.getAllContentsOfType(s, ForEach.class)) {
				Set<String> values = out.computeIfAbsent(f.getName(), k -> new LinkedHashSet<>());
				f.getValues().forEach(v -> values.add(Quotes.unquote(v)));
			}
		}
		return out;
	}
}
