package org.dmabufdio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dmabufdio lsp} as an editor's LSP client sees it: diagnostics as you type, quick fixes, hovers. */
class LspTest {

	@TempDir
	Path dir;

	/** The client side: keeps the diagnostics the server publishes, per document. */
	private static final class Client implements LanguageClient {
		final ConcurrentHashMap<String, CompletableFuture<List<Diagnostic>>> diagnostics = new ConcurrentHashMap<>();

		CompletableFuture<List<Diagnostic>> of(String uri) {
			return diagnostics.computeIfAbsent(uri, u -> new CompletableFuture<>());
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams p) {
			of(p.getUri()).complete(p.getDiagnostics());
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams messageParams) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}

	/** A server on pipes and a client talking to it, initialized with {@link #dir} as the workspace folder. */
	private final class Session {
		final Client client = new Client();
		final LanguageServer remote;
		final PipedOutputStream clientOut;
		final Future<Void> server;
		org.eclipse.lsp4j.SemanticTokensLegend legend;

		Session() throws Exception {
			this(dir);
		}

		Session(Path workspace) throws Exception {
			PipedInputStream serverIn = new PipedInputStream(1 << 16);
			clientOut = new PipedOutputStream(serverIn);
			PipedInputStream clientIn = new PipedInputStream(1 << 16);
			PipedOutputStream serverOut = new PipedOutputStream(clientIn);
			server = LspCommand.start(serverIn, serverOut);
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
			launcher.startListening();
			remote = launcher.getRemoteProxy();
			InitializeParams init = new InitializeParams();
			// an editor that shows the outline as a tree, as VS Code does
			var symbolCapabilities = new org.eclipse.lsp4j.DocumentSymbolCapabilities();
			symbolCapabilities.setHierarchicalDocumentSymbolSupport(true);
			var textCapabilities = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
			textCapabilities.setDocumentSymbol(symbolCapabilities);
			init.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities(null, textCapabilities, null));
			init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "suite")));
			init.setRootUri(workspace.toUri().toString());
			var capabilities = remote.initialize(init).get(30, TimeUnit.SECONDS).getCapabilities();
			assertTrue(capabilities.getHoverProvider().isLeft());
			legend = capabilities.getSemanticTokensProvider() == null ? null : capabilities.getSemanticTokensProvider().getLegend();
			remote.initialized(new InitializedParams());
		}

		/** Opens {@code text} as a new file of the workspace; returns its diagnostics. */
		List<Diagnostic> open(String uri, String text) throws Exception {
			remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dmabuf", 1, text)));
			return client.of(uri).get(30, TimeUnit.SECONDS);
		}

		void close() throws Exception {
			remote.shutdown().get(30, TimeUnit.SECONDS);
			// no 'exit': Xtext's server answers it with System.exit(); closing the stream ends it here
			clientOut.close();
			server.get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void theServerValidatesWhatIsTypedOffersFixesAndAnswersHovers() throws Exception {
		Session session = new Session();
		LanguageServer remote = session.remote;

		String uri = file("s.dmabuf");
		String text = """
				scenario "s" {
				    kernel baseline
				    alloc 3 from system heap; mmap
				    assert fails EFAULT
				}
				""";
		List<Diagnostic> problems = session.open(uri, text);
		assertEquals(1, problems.size(), problems.toString());
		assertEquals(2, problems.get(0).getRange().getStart().getLine(), "on the alloc line (0-based)");
		String message = problems.get(0).getMessage().map(m -> m, m -> m.getValue());
		assertTrue(message.contains("unit"), message);

		CodeActionParams fix = new CodeActionParams(new TextDocumentIdentifier(uri), problems.get(0).getRange(),
				new CodeActionContext(problems));
		List<Either<Command, CodeAction>> actions = remote.getTextDocumentService().codeAction(fix).get(30, TimeUnit.SECONDS);
		assertEquals(List.of("Add the unit: 3K", "Add the unit: 3M", "Add the unit: 3G"),
				actions.stream().map(a -> a.getRight().getTitle()).toList());
		TextEdit edit = actions.get(1).getRight().getEdit().getChanges().get(uri).get(0);
		assertEquals("3M", edit.getNewText());
		assertEquals(problems.get(0).getRange(), edit.getRange());

		Hover hover = remote.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 20))).get(30, TimeUnit.SECONDS);
		assertEquals("errno EFAULT: Bad address (14)", hover.getContents().getRight().getValue());

		session.close();
	}

	/**
	 * Semantic tokens, decoded from LSP's relative encoding: every kind of word an editor colours
	 * differently (issue 16: the server advertised them and returned none).
	 */
	@Test
	void semanticTokensClassifyKernelsErrnosCountersSizesAndNames() throws Exception {
		Session session = new Session();
		String uri = file("t.dmabuf");
		String text = """
				// the card
				scenario "t" {
				    for n in [4K, 8K]
				    kernel dmabuf_dio with alloc_and_read
				    alloc 3G from system heap as buf
				    mmap buf as view
				    touch view length $n
				    assert fails EFAULT
				    assert VmRSS unchanged
				}
				""";
		session.open(uri, text);
		var tokens = session.remote.getTextDocumentService()
				.semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
		var legend = session.legend;
		java.util.Map<String, String> seen = new java.util.LinkedHashMap<>();
		List<String> lines = text.lines().toList();
		int line = 0;
		int col = 0;
		List<Integer> d = tokens.getData();
		for (int i = 0; i < d.size(); i += 5) {
			line += d.get(i);
			col = d.get(i) == 0 ? col + d.get(i + 1) : d.get(i + 1);
			String word = lines.get(line).substring(col, col + d.get(i + 2));
			StringBuilder kind = new StringBuilder(legend.getTokenTypes().get(d.get(i + 3)));
			for (int m = 0; m < legend.getTokenModifiers().size(); m++) {
				if ((d.get(i + 4) & (1 << m)) != 0) {
					kind.append('+').append(legend.getTokenModifiers().get(m));
				}
			}
			seen.putIfAbsent(word, kind.toString());
		}
		assertEquals("comment", seen.get("// the card"), seen.toString());
		assertEquals("keyword", seen.get("scenario"));
		assertEquals("string", seen.get("\"t\""));
		assertEquals("variable+declaration", seen.get("n"), seen.toString());
		assertEquals("number", seen.get("4K"));
		assertEquals("enumMember+defaultLibrary", seen.get("dmabuf_dio"));
		assertEquals("enumMember+defaultLibrary", seen.get("alloc_and_read"));
		assertEquals("number", seen.get("3G"));
		assertEquals("variable+declaration", seen.get("buf"));
		assertEquals("variable+declaration", seen.get("view"));
		assertEquals("parameter", seen.get("$n"));
		assertEquals("enumMember+defaultLibrary", seen.get("EFAULT"));
		assertEquals("property+defaultLibrary", seen.get("VmRSS"));
		assertEquals(null, seen.get("{"), "punctuation gets no token");
		session.close();
	}

	/** Inside use f(...): the fragment's parameters, the one at the cursor active. */
	@Test
	void signatureHelpShowsAFragmentsParameters() throws Exception {
		Session session = new Session();
		String uri = file("g.dmabuf");
		String text = """
				fragment load(file f, mapping m) {
				    read O_DIRECT f into m
				}
				scenario "g" {
				    file model.bin size 1M
				    alloc 1M from system heap as buf; mmap buf as view
				    use load(model.bin, view)
				}
				""";
		session.open(uri, text);
		var docs = session.remote.getTextDocumentService();
		int line = 6;
		int open = text.lines().toList().get(line).indexOf('(');
		var first = docs.signatureHelp(new SignatureHelpParams(new TextDocumentIdentifier(uri), new Position(line, open + 1)))
				.get(30, TimeUnit.SECONDS);
		assertEquals("load(file f, mapping m)", first.getSignatures().get(0).getLabel());
		assertEquals(List.of("file f", "mapping m"),
				first.getSignatures().get(0).getParameters().stream().map(p -> p.getLabel().getLeft()).toList());
		assertEquals(0, first.getActiveParameter());
		int comma = text.lines().toList().get(line).indexOf(',');
		var second = docs.signatureHelp(new SignatureHelpParams(new TextDocumentIdentifier(uri), new Position(line, comma + 2)))
				.get(30, TimeUnit.SECONDS);
		assertEquals(1, second.getActiveParameter());
		var outside = docs.signatureHelp(new SignatureHelpParams(new TextDocumentIdentifier(uri), new Position(5, 4)))
				.get(30, TimeUnit.SECONDS);
		assertEquals(List.of(), outside.getSignatures(), "no signature outside a use");
		session.close();
	}

	/** The outline: scenarios by title with what they declare inside, fragments, each with a kind that fits. */
	@Test
	void documentSymbolsAreTheFilesScenariosAndWhatTheyDeclare() throws Exception {
		Session session = new Session();
		String uri = file("o.dmabuf");
		session.open(uri, """
				fragment load(size n) {
				    mmap anon $n
				}
				scenario "reads a model" {
				    device qemu_virtio
				    file model.bin size 1M
				    alloc 1M from system heap as buf
				    mmap buf as view
				    checkpoint loaded
				}
				""");
		var symbols = session.remote.getTextDocumentService()
				.documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
		List<String> outline = new java.util.ArrayList<>();
		for (var s : symbols) {
			var d = s.getRight();
			outline.add(d.getKind() + " " + d.getName());
			for (var c : d.getChildren()) {
				outline.add("  " + c.getKind() + " " + c.getName());
			}
		}
		assertEquals(List.of("Function load", "  TypeParameter n", "Class reads a model", "  File model.bin", "  Variable buf",
				"  Variable view", "  Event loaded"), outline);
		session.close();
	}

	/**
	 * Positions past the end of a line or of the document, negative ones, and ranges that end
	 * before they start are read as the LSP specification says (the nearest position): every
	 * request answers, and an edit with such a range applies at the end of the text.
	 */
	@Test
	void noPositionHoweverWrongBreaksARequest() throws Exception {
		Session session = new Session();
		var docs = session.remote.getTextDocumentService();
		String uri = file("p.dmabuf");
		session.open(uri, "scenario \"p\" {\n    mmap anon 4K\n    assert fails EFAULT\n}\n");
		TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
		Position pastLineEnd = new Position(2, 999);
		Position pastEnd = new Position(99, 5);
		Position negative = new Position(-1, -7);

		Hover atLineEnd = docs.hover(new HoverParams(id, new Position(2, 23))).get(30, TimeUnit.SECONDS);
		assertEquals(atLineEnd, docs.hover(new HoverParams(id, pastLineEnd)).get(30, TimeUnit.SECONDS), "as at the end of line 3");
		docs.hover(new HoverParams(id, pastEnd)).get(30, TimeUnit.SECONDS);
		docs.completion(new CompletionParams(id, pastLineEnd)).get(30, TimeUnit.SECONDS);
		docs.completion(new CompletionParams(id, negative)).get(30, TimeUnit.SECONDS);
		docs.definition(new DefinitionParams(id, pastEnd)).get(30, TimeUnit.SECONDS);
		docs.documentHighlight(new DocumentHighlightParams(id, negative)).get(30, TimeUnit.SECONDS);
		docs.signatureHelp(new SignatureHelpParams(id, pastLineEnd)).get(30, TimeUnit.SECONDS);
		docs.rangeFormatting(new DocumentRangeFormattingParams(id, new FormattingOptions(4, true),
				new Range(pastEnd, negative))).get(30, TimeUnit.SECONDS);
		docs.codeAction(new CodeActionParams(id, new Range(pastLineEnd, pastEnd), new CodeActionContext(List.of())))
				.get(30, TimeUnit.SECONDS);

		// an edit at a line past the end appends; the server still answers for the new text
		docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
				List.of(new TextDocumentContentChangeEvent(new Range(pastEnd, pastEnd), "// added\n"))));
		List<FoldingRange> folds = docs.foldingRange(new FoldingRangeRequestParams(id)).get(30, TimeUnit.SECONDS);
		assertTrue(folds != null);
		session.close();
	}

	/** The workspace folder is the suite's root: an import that leaves it is an error, and nothing outside is read. */
	@Test
	void importsStayInsideTheWorkspaceFolder() throws Exception {
		Path workspace = Files.createDirectories(dir.resolve("ws"));
		Files.writeString(dir.resolve("outside.dmabuf"), "fragment f() {\n    mmap anon 4K\n}\n");
		Files.writeString(workspace.resolve("inside.dmabuf"), "fragment g() {\n    mmap anon 4K\n}\n");
		Session session = new Session(workspace);
		String uri = workspace.resolve("s.dmabuf").toUri().toString();
		Files.writeString(workspace.resolve("s.dmabuf"), "");
		List<Diagnostic> problems = session.open(uri, "import \"../outside.dmabuf\"\nimport \"inside.dmabuf\"\n"
				+ "scenario \"s\" {\n    use g()\n}\n");
		assertEquals(List.of("1:8 cannot import \"../outside.dmabuf\": it leaves the suite's root (" + workspace + ")"),
				problems.stream().map(d -> (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1)
						+ " " + d.getMessage().map(m -> m, m -> m.getValue())).toList());
		session.close();
	}

	private String file(String name) throws IOException {
		Path p = dir.resolve(name);
		Files.writeString(p, "");
		return p.toUri().toString();
	}
}
