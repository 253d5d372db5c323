package org.dmabufdio.dsl.tests;

import org.dmabufdio.dsl.ide.DmabufIdeSetup;
import org.eclipse.xtext.testing.GlobalRegistries;
import org.eclipse.xtext.testing.GlobalRegistries.GlobalStateMemento;
import org.eclipse.xtext.testing.IInjectorProvider;
import org.eclipse.xtext.testing.IRegistryConfigurator;

import com.google.inject.Injector;

/** The language's injector (runtime and IDE services) for tests, with EMF registries restored. */
public class DmabufInjectorProvider implements IInjectorProvider, IRegistryConfigurator {

	static {
		GlobalRegistries.initializeDefaults();
	}

	private GlobalStateMemento before;
	private GlobalStateMemento after;
	private Injector injector;

	@Override
	public Injector getInjector() {
		if (injector == null) {
			before = GlobalRegistries.makeCopyOfGlobalState();
			injector = new DmabufIdeSetup().createInjectorAndDoEMFRegistration();
			after = GlobalRegistries.makeCopyOfGlobalState();
		}
		return injector;
	}

	@Override
	public void restoreRegistry() {
		before.restoreGlobalState();
	}

	@Override
	public void setupRegistry() {
		getInjector();
		after.restoreGlobalState();
	}
}
