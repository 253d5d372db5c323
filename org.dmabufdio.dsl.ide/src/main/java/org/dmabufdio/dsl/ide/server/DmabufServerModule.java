package org.dmabufdio.dsl.ide.server;

import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;

/** Xtext's language server, with a workspace that takes any position a client sends. */
public class DmabufServerModule extends ServerModule {

	@Override
	protected void configure() {
		super.configure();
		bind(WorkspaceManager.class).to(SafeWorkspaceManager.class);
	}
}
