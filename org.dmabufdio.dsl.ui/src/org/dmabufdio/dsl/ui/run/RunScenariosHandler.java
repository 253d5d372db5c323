package org.dmabufdio.dsl.ui.run;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * "Run Scenarios" (Ctrl+Alt+R in a scenario editor): runs what the editor shows, saved or not,
 * and opens the results view without taking the focus from the editor.
 */
public class RunScenariosHandler extends AbstractHandler {

	/** The command declared in plugin.xml. */
	public static final String COMMAND = "org.dmabufdio.dsl.ui.run";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (!(editor instanceof ITextEditor textEditor) || !(editor.getEditorInput() instanceof IFileEditorInput input)) {
			return null;
		}
		String text = textEditor.getDocumentProvider().getDocument(input).get();
		ResultsView view = ResultsView.open(editor.getSite().getPage());
		if (view != null) {
			view.running(input.getFile());
		}
		new ScenarioRunJob(input.getFile(), text).schedule();
		return null;
	}
}
