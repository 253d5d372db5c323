package org.dmabufdio.dsl.validation;

import static org.dmabufdio.dsl.dmabuf.DmabufPackage.Literals.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dmabufdio.dsl.dmabuf.Import;
import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.loading.SuiteRoot;
import org.dmabufdio.dsl.util.Imports;
import org.dmabufdio.dsl.util.Quotes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Imports: each names a readable scenario file that parses, and no chain of imports leads back to
 * the importer.
 */
public class ImportsValidator extends AbstractDeclarativeValidator {

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into DmabufValidator
	}

	@Check
	public void importTarget(Import i) {
		Resource from = i.eResource();
		SuiteRoot.Decision decision = SuiteRoot.resolve(from, i.getImportURI());
		if (!decision.allowed()) {
			error("cannot import " + Quotes.quote(i.getImportURI()) + ": " + decision.refusal(), IMPORT__IMPORT_URI,
					IssueCodes.IMPORT_OUTSIDE_SUITE);
			return;
		}
		Resource target = Imports.load(from, decision.target());
		if (target == null || target.getContents().isEmpty() || !(target.getContents().get(0) instanceof Model)) {
			error("cannot import " + Quotes.quote(i.getImportURI()) + ": no scenario file there", IMPORT__IMPORT_URI,
					IssueCodes.IMPORT_NOT_FOUND);
			return;
		}
		// what the importer uses from it may be half parsed: running would use a broken fragment.
		// Only syntax errors count: its linking errors appear once it is resolved, which depends on
		// the order files are validated in, and are reported in that file itself.
		List<Resource.Diagnostic> syntax = target.getErrors().stream().filter(XtextSyntaxDiagnostic.class::isInstance).toList();
		if (!syntax.isEmpty()) {
			Resource.Diagnostic first = syntax.get(0);
			error("cannot import " + Quotes.quote(i.getImportURI()) + ": it does not parse (" + syntax.size()
					+ (syntax.size() == 1 ? " error" : " errors") + ", the first at " + first.getLine() + ":" + first.getColumn() + ": "
					+ first.getMessage() + ")", IMPORT__IMPORT_URI, IssueCodes.IMPORT_HAS_ERRORS);
			return;
		}
		List<URI> cycle = pathBack(target, from.getURI());
		if (cycle != null) {
			List<String> names = new ArrayList<>();
			names.add(from.getURI().lastSegment());
			cycle.forEach(u -> names.add(u.lastSegment()));
			error("import cycle: " + String.join(" -> ", names), IMPORT__IMPORT_URI, IssueCodes.IMPORT_CYCLE);
		}
	}

	/** The chain of imports from {@code start} that reaches {@code home}, or null. */
	private static List<URI> pathBack(Resource start, URI home) {
		Deque<List<Resource>> work = new ArrayDeque<>();
		work.add(List.of(start));
		Set<URI> seen = new HashSet<>();
		while (!work.isEmpty()) {
			List<Resource> path = work.poll();
			Resource last = path.get(path.size() - 1);
			if (last.getURI().equals(home)) {
				return path.stream().map(Resource::getURI).toList();
			}
			if (!seen.add(last.getURI()) || last.getContents().isEmpty() || !(last.getContents().get(0) instanceof Model m)) {
				continue;
			}
			for (Import i : m.getImports()) {
				URI uri = Imports.resolve(i);
				Resource next = uri == null ? null : Imports.load(last, uri);
				if (next != null) {
					List<Resource> longer = new ArrayList<>(path);
					longer.add(next);
					work.add(longer);
				}
			}
		}
		return null;
	}
}
