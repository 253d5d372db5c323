package org.dmabufdio.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/** The language server's quick fixes: {@link QuickFixes} for each diagnostic the client sends back. */
public class DmabufCodeActionService implements ICodeActionService2 {

	@Inject
	private QuickFixes quickFixes;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		// Xtext's server (2.42) passes neither document nor resource: read them for the URI
		return options.getLanguageServerAccess().doSyncRead(options.getURI(),
				context -> actions(context.getDocument(), context.getResource(), options));
	}

	private List<Either<Command, CodeAction>> actions(Document document, Resource r, Options options) {
		List<Either<Command, CodeAction>> out = new ArrayList<>();
		if (!(r instanceof XtextResource resource) || document == null) {
			return out;
		}
		for (Diagnostic d : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = d.getCode() == null ? null : d.getCode().map(s -> s, Object::toString);
			String message = d.getMessage() == null ? "" : d.getMessage().map(m -> m, m -> m.getValue());
			int from = document.getOffSet(d.getRange().getStart());
			int to = document.getOffSet(d.getRange().getEnd());
			for (QuickFixes.Fix fix : quickFixes.of(resource, code, message, from, to - from)) {
				Range range = new Range(document.getPosition(fix.offset()), document.getPosition(fix.offset() + fix.length()));
				CodeAction action = new CodeAction(fix.label());
				action.setKind(CodeActionKind.QuickFix);
				action.setDiagnostics(List.of(d));
				action.setEdit(new WorkspaceEdit(Map.of(options.getURI(), List.of(new TextEdit(range, fix.text())))));
				out.add(Either.forRight(action));
			}
		}
		return out;
	}
}
