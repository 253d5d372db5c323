package org.dmabufdio.dsl.ui.internal;

import org.dmabufdio.dsl.ide.DmabufIdeSetup;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import com.google.inject.Injector;

/**
 * The bundle activator; holds the one Xtext injector (runtime + ide services) that the editor's
 * parts share. The modern Xtext UI bundles are not on Maven Central, so the editor calls the
 * language's ide services in-process through this injector.
 */
public class DmabufUiPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.dmabufdio.dsl.ui";

	private static DmabufUiPlugin instance;

	private volatile Injector injector;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		instance = null;
		super.stop(context);
	}

	public static DmabufUiPlugin getDefault() {
		return instance;
	}

	/** The language's injector, created on first use. */
	public Injector getInjector() {
		Injector result = injector;
		if (result == null) {
			synchronized (this) {
				result = injector;
				if (result == null) {
					result = new DmabufIdeSetup().createInjectorAndDoEMFRegistration();
					injector = result;
				}
			}
		}
		return result;
	}
}
