package org.dmabufdio.dsl.ui.editor;

import org.dmabufdio.dsl.ui.internal.DmabufUiPlugin;
import org.eclipse.ui.editors.text.TextEditor;

/** The text editor for {@code *.dmabuf} scenario files. */
public class DmabufEditor extends TextEditor {

	public static final String ID = "org.dmabufdio.dsl.ui.editor";

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new DmabufSourceViewerConfiguration(this,
				DmabufUiPlugin.getDefault().getInjector(), getPreferenceStore()));
	}
}
