package org.dmabufdio.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.dmabufdio.dsl.ide.server.DmabufServerModule;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

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

	/**
	 * Connects a new server to a client on {@code in}/{@code out}; the future ends with the
	 * connection. A request that fails anyway answers with an error naming the request's failure
	 * in one line, never a Java stack trace (that goes to the server's log on stderr).
	 */
	static Future<Void> start(InputStream in, OutputStream out) {
		LanguageServerImpl server = Guice.createInjector(new DmabufServerModule()).getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
				.setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out)
				.setExceptionHandler(LspCommand::answerFor).create();
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}

	private static ResponseError answerFor(Throwable t) {
		Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
		if (cause instanceof ResponseErrorException e) {
			return e.getResponseError();
		}
		cause.printStackTrace(System.err);
		return new ResponseError(ResponseErrorCode.InternalError,
				"dmabufdio could not answer this request (" + cause.getClass().getSimpleName() + ")", null);
	}
}
