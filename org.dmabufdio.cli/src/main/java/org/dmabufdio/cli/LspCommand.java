package org.dmabufdio.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.inject.Guice;

/**
 * {@code dmabufdio lsp}: the language server over stdin/stdout (LSP), for any editor with an LSP
 * client: validation as you type, content assist, hovers, formatting, outline, go to definition,
 * all from the language's ide services (Xtext's server finds the language through its ISetup).
 */
final class LspCommand {

	private LspCommand() {
	}

	/** Serves one client on {@code in}/{@code out}; returns when it disconnects. */
	static int serve(InputStream in, OutputStream out) {
		Future<Void> listening = start(in, out);
		try {
			listening.get();
			return 0;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		} catch (ExecutionException e) {
			return 1;
		}
	}

	/** Connects a new server to a client on {@code in}/{@code out}; the future ends with the connection. */
	static Future<Void> start(InputStream in, OutputStream out) {
		LanguageServerImpl server = Guice.createInjector(new ServerModule()).getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}
}
