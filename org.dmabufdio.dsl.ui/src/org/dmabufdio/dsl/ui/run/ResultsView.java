package org.dmabufdio.dsl.ui.run;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.dmabufdio.dsl.results.RunResult;
import org.dmabufdio.dsl.results.ScenarioResult;
import org.dmabufdio.dsl.results.TextReport;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The last run of a scenario file: one row per scenario instance (verdict, name with its
 * params, round, measured time, why it failed); below, the selected run's steps as the command
 * line prints them, or the file's tables when no row is selected. Double-click goes to the
 * statement that failed; Run Again in the toolbar runs the file once more.
 */
public class ResultsView extends ViewPart {

	public static final String ID = "org.dmabufdio.dsl.ui.results";

	private Label summary;
	private TableViewer table;
	private Text detail;
	private IFile file;
	private RunResult run;

	@Override
	public void createPartControl(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		body.setLayout(layout);
		summary = new Label(body, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		summary.setText("Run the scenarios of a file with Ctrl+Alt+R in its editor.");
		SashForm sash = new SashForm(body, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new TableViewer(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		table.setContentProvider(ArrayContentProvider.getInstance());
		column("Verdict", 70, r -> r.status().word());
		column("Scenario", 320, TextReport::title);
		column("Time", 100, r -> String.format(Locale.ROOT, "%.3f ms", r.timeNs() / 1e6));
		column("Line", 50, r -> r.line() > 0 ? Integer.toString(r.line()) : "");
		column("Message", 420, r -> r.message() == null ? "" : r.message());
		table.addSelectionChangedListener(e -> showDetail());
		table.addDoubleClickListener(e -> selected().ifPresent(this::reveal));
		detail = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		detail.setFont(JFaceResources.getTextFont());
		sash.setWeights(1, 1);
		runAgain.setEnabled(false);
		getViewSite().getActionBars().getToolBarManager().add(runAgain);
	}

	/** Runs the last file again: the text of its open editor if it has one, else the file. */
	private final Action runAgain = new Action("Run Again") {
		@Override
		public void run() {
			runAgain();
		}
	};

	/** What the toolbar's Run Again does; false if no file has run yet or its text cannot be read. */
	public boolean runAgain() {
		if (file == null || !file.exists()) {
			return false;
		}
		String text = textOf(file);
		if (text == null) {
			return false;
		}
		running(file);
		new ScenarioRunJob(file, text).schedule();
		return true;
	}

	private String textOf(IFile f) {
		IEditorPart editor = getSite().getPage().findEditor(new FileEditorInput(f));
		if (editor instanceof ITextEditor textEditor) {
			return textEditor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
		}
		try (java.io.InputStream in = f.getContents()) {
			return new String(in.readAllBytes(), f.getCharset());
		} catch (java.io.IOException | org.eclipse.core.runtime.CoreException e) {
			return null;
		}
	}

	private void column(String title, int width, Function<ScenarioResult, String> text) {
		TableViewerColumn c = new TableViewerColumn(table, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((ScenarioResult) element);
			}
		});
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}

	/** Says a run of {@code file} has started; its results replace the last ones when it ends. */
	void running(IFile file) {
		summary.setText("Running the scenarios of " + file.getFullPath() + "...");
		summary.getParent().layout();
	}

	/** Shows a finished run ({@code run} null if the file did not run; {@code note} says why). */
	void show(IFile file, RunResult run, String note) {
		if (table.getControl().isDisposed()) {
			return;
		}
		this.file = file;
		this.run = run;
		runAgain.setEnabled(true);
		String text = file.getFullPath() + ": " + (run == null ? "" : TextReport.summary(run));
		if (note != null) {
			text += run == null ? note : " (" + note + ")";
		}
		summary.setText(text);
		summary.getParent().layout();
		table.setInput(run == null ? List.of() : run.scenarios());
		showDetail();
	}

	private java.util.Optional<ScenarioResult> selected() {
		Object first = ((IStructuredSelection) table.getSelection()).getFirstElement();
		return java.util.Optional.ofNullable((ScenarioResult) first);
	}

	private void showDetail() {
		if (run == null) {
			detail.setText("");
			return;
		}
		detail.setText(selected().map(TextReport::render).orElseGet(() -> TextReport.renderTables(run.tables())));
	}

	/** Opens the file's editor at the statement the run stopped at. */
	private void reveal(ScenarioResult r) {
		if (file == null || r.line() <= 0) {
			return;
		}
		try {
			IEditorPart editor = IDE.openEditor(getSite().getPage(), file);
			if (editor instanceof ITextEditor textEditor) {
				IDocument doc = textEditor.getDocumentProvider().getDocument(editor.getEditorInput());
				int offset = doc.getLineOffset(r.line() - 1) + Math.max(0, r.column() - 1);
				textEditor.selectAndReveal(offset, 0);
			}
		} catch (PartInitException | BadLocationException e) {
			// the file changed since the run: the line is gone, stay where we are
		}
	}

	/** The results shown, for tests. */
	public List<ScenarioResult> results() {
		return run == null ? List.of() : run.scenarios();
	}

	/** The line above the table, for tests. */
	public String summaryText() {
		return summary.getText();
	}

	/** The lower pane's text, for tests. */
	public String detailText() {
		return detail.getText();
	}

	/** Shows the view in {@code page} without activating it; null if it cannot be created. */
	static ResultsView open(IWorkbenchPage page) {
		try {
			return (ResultsView) page.showView(ID, null, IWorkbenchPage.VIEW_VISIBLE);
		} catch (PartInitException e) {
			return null;
		}
	}

	/** The view in the active window, opened if needed; null if there is no window. */
	static ResultsView find() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		return window == null || window.getActivePage() == null ? null : open(window.getActivePage());
	}
}
