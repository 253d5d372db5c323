package org.dmabufdio.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.BuildManager;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Functions.Function2;

import com.google.inject.Singleton;

/**
 * The language server's workspace, with every document a request reads taking positions as the
 * LSP specification says ({@link ClampedDocument}): no position a client sends, however wrong,
 * breaks a request, and an edit with a range outside the text applies at its nearest place.
 */
@Singleton
public class SafeWorkspaceManager extends WorkspaceManager {

	@Override
	public <T> T doRead(URI uri, Function2<? super Document, ? super XtextResource, ? extends T> work) {
		return super.doRead(uri, (doc, resource) -> work.apply(doc == null ? null : new ClampedDocument(doc), resource));
	}

	@Override
	public BuildManager.Buildable didChangeTextDocumentContent(URI uri, Integer version,
			Iterable<TextDocumentContentChangeEvent> changes) {
		var open = read(uri);
		if (open == null || !(open.getFirst() instanceof Document current)) {
			return super.didChangeTextDocumentContent(uri, version, changes);
		}
		// each change's range refers to the text as the changes before it left it
		ClampedDocument doc = new ClampedDocument(current);
		List<TextDocumentContentChangeEvent> clamped = new ArrayList<>();
		for (TextDocumentContentChangeEvent c : changes) {
			TextDocumentContentChangeEvent fixed = c.getRange() == null ? c
					: new TextDocumentContentChangeEvent(doc.clamp(c.getRange()), c.getText());
			clamped.add(fixed);
			doc = new ClampedDocument(doc.applyTextDocumentChanges(List.of(fixed)));
		}
		return super.didChangeTextDocumentContent(uri, version, clamped);
	}
}
