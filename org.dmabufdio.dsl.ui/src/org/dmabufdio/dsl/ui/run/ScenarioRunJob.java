package org.dmabufdio.dsl.ui.run;

import java.util.List;

import org.dmabufdio.dsl.dmabuf.Model;
import org.dmabufdio.dsl.interpreter.ScenarioRunner;
import org.dmabufdio.dsl.interpreter.Tables;
import org.dmabufdio.dsl.results.ResultTable;
import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.ui.editor.DocumentResources;
import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Runs the scenarios of an editor's text in the background, as {@code ./dmabufdio run} would:
 * a file with errors does not run; every instance runs under the interpreter's budgets (steps,
 * simulated and wall time), and cancelling stops before the next one. The results go to the
 * results view and, for runs that did not pass, to markers at the statement that failed.
 */
final class ScenarioRunJob extends Job {

	/** One run at a time per file: a second request waits for the first. */
	private static final class FileRule implements org.eclipse.core.runtime.jobs.ISchedulingRule {
		private final IFile file;

		FileRule(IFile file) {
			this.file = file;
		}

		@Override
		public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
			return rule instanceof FileRule other && other.file.equals(file);
		}
	}

	private final IFile file;
	private final String text;

	ScenarioRunJob(IFile file, String text) {
		super("Running the scenarios of " + file.getName());
		this.file = file;
		this.text = text;
		setUser(true);
		setRule(new FileRule(file));
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			return runScenarios(monitor);
		} catch (RuntimeException e) {
			// a bug, not a scenario's failure (those are verdicts): say so where the user looks
			publish(null, "the run stopped: " + e);
			return Status.error("running " + file.getFullPath() + " failed", e);
		}
	}

	private IStatus runScenarios(IProgressMonitor monitor) {
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		Injector injector = DmabufUiPlugin.getDefault().getInjector();
		DocumentResources resources = new DocumentResources(injector);
		XtextResource resource = resources.parse(file, text);
		List<Issue> issues = resources.validate(resource, monitor::isCanceled);
		long errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).count();
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		if (errors > 0 || resource.getContents().isEmpty()) {
			publish(null, errors + (errors == 1 ? " error" : " errors") + " in " + file.getName()
					+ ": not run (see the Problems view)");
			return Status.OK_STATUS;
		}
		Model model = (Model) resource.getContents().get(0);
		String name = file.getFullPath().toString();
		List<ScenarioResult> results = new ScenarioRunner().run(name, model, monitor::isCanceled);
		List<ResultTable> tables = Tables.build(name, model, results);
		publish(new RunResult(results, tables, List.of()), monitor.isCanceled() ? "cancelled" : null);
		monitor.done();
		return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
	}

	/**
	 * Shows the run in the results view and as markers, on the UI thread (outside this job's
	 * rule, which does not contain the file's).
	 */
	private void publish(RunResult run, String note) {
		Display.getDefault().asyncExec(() -> {
			ResultMarkers.replace(file, run == null ? List.of() : run.scenarios());
			ResultsView view = ResultsView.find();
			if (view != null) {
				view.show(file, run, note);
			}
		});
	}
}
