package org.dmabufdio.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dmabufdio.dsl.ide.quickfix.QuickFixes;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Injector;

/**
 * Quick fixes through the IDE services: each test validates a file with one error, asserts the
 * fixes offered for it, and that the first one leaves a file without errors.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(DmabufInjectorProvider.class)
class QuickFixTest {

	@Inject
	private Injector injector;

	@Inject
	private QuickFixes quickFixes;

	@Inject
	private IResourceValidator validator;

	private List<Issue> errors(XtextResource r) {
		return validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.filter(i -> i.getSeverity() == Severity.ERROR).toList();
	}

	private XtextResource parse(String text) {
		return (XtextResource) new Scenarios(injector).parse("q.dmabuf", text);
	}

	/** The labels of the fixes for the one error of {@code text}; the first applied must leave no error. */
	private List<String> fixes(String text) {
		XtextResource r = parse(text);
		List<Issue> errors = errors(r);
		assertEquals(1, errors.size(), errors.toString());
		Issue issue = errors.get(0);
		List<QuickFixes.Fix> fixes = quickFixes.of(r, issue.getCode(), issue.getMessage(), issue.getOffset(), issue.getLength());
		if (!fixes.isEmpty()) {
			QuickFixes.Fix first = fixes.get(0);
			String fixed = text.substring(0, first.offset()) + first.text() + text.substring(first.offset() + first.length());
			assertEquals(List.of(), errors(parse(fixed)), fixed);
		}
		return fixes.stream().map(QuickFixes.Fix::label).toList();
	}

	private static String body(String lines) {
		return "scenario \"q\" {\n    device qemu_virtio\n" + lines + "\n}\n";
	}

	@Test
	void aMisspelledKernelBecomesTheNearestKnownOnes() {
		assertEquals(List.of("Change to 'dmabuf_dio'"), fixes(body("    kernel dmabuf_di")));
		assertEquals(List.of("Change to 'baseline'"), fixes(body("    kernel Baseline")));
	}

	@Test
	void misspelledErrnosHazardsDevicesAndParameters() {
		assertEquals(List.of("Change to 'EFAULT'"), fixes(body("    mmap anon 4K\n    assert fails EFALT")));
		assertEquals(List.of("Change to 'pinned_dmabuf_page'"), fixes(body("    mmap anon 4K\n    assert no hazard pined_dmabuf_page")));
		assertEquals(List.of("Change to 'readahead'"), fixes("scenario \"q\" {\n    device qemu_virtio { readahed 16M }\n}\n"));
		assertEquals(List.of("Change to 'qemu_virtio'"), fixes("scenario \"q\" {\n    device qemu_virtoi\n}\n"));
	}

	@Test
	void aCounterOfTheViewAsserted() {
		assertEquals(List.of("Change to 'RssFile'"), fixes(body("    mmap anon 4K\n    assert status RssFlie unchanged")));
		assertEquals(List.of("Change to 'MemFree'"), fixes(body("    mmap anon 4K\n    assert meminfo MemFre unchanged")));
	}

	@Test
	void aSizeOrADurationWithoutAUnitGetsOne() {
		assertEquals(List.of("Add the unit: 16K", "Add the unit: 16M", "Add the unit: 16G"), fixes(body("    mmap anon 16")));
		assertEquals(List.of("Add the unit: 5ms", "Add the unit: 5us", "Add the unit: 5s"), fixes(body("    sleep 5")));
	}

	@Test
	void nothingToOfferForAWordFarFromAnyKnownOne() {
		assertEquals(List.of(), fixes(body("    kernel linux")));
	}
}
