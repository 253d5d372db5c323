package org.dmabufdio.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dmabufdio.dsl.dmabuf.Scenario;
import org.dmabufdio.dsl.interpreter.Instance;
import org.dmabufdio.dsl.results.FileDiagnostic;
import org.dmabufdio.dsl.results.InstanceName;
import org.dmabufdio.dsl.util.Locations;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * The engine's tree: a container per file, a test per scenario instance (named
 * {@code file › scenario {params} #round}, tagged with the scenario's tags, its source the
 * scenario's line), and for a file that does not parse or validate one test that fails with
 * its diagnostics.
 */
final class Descriptors {

	static final String CLASS = "class";
	static final String FILE = "file";
	static final String INSTANCE = "instance";

	private Descriptors() {
	}

	/** A class marked {@link DmabufdioScenarios}: the container of the files it selects, as Surefire reports them. */
	static final class ClassDescriptor extends AbstractTestDescriptor {
		ClassDescriptor(UniqueId id, Class<?> marker) {
			super(id, marker.getSimpleName(), ClassSource.from(marker));
		}

		@Override
		public Type getType() {
			return Type.CONTAINER;
		}
	}

	/** A scenario file: the container of its instances. */
	static final class FileDescriptor extends AbstractTestDescriptor {
		FileDescriptor(UniqueId id, String shown, Path file) {
			super(id, shown, FileSource.from(file.toFile()));
		}

		@Override
		public Type getType() {
			return Type.CONTAINER;
		}
	}

	/** One instance of a scenario; {@code instance} is null when the scenario has more than the limit allows. */
	static final class InstanceDescriptor extends AbstractTestDescriptor {
		final String file;
		final Scenario scenario;
		final Instance instance;
		final String overLimit;
		private final Set<TestTag> tags;

		InstanceDescriptor(UniqueId id, String file, Path path, Scenario scenario, Instance instance, String overLimit) {
			super(id, InstanceName.withFile(file, instance == null ? InstanceName.of(scenario.getTitle(), java.util.Map.of(), 1)
					: InstanceName.of(scenario.getTitle(), instance.paramsByName(), instance.round())), source(path, scenario));
			this.file = file;
			this.scenario = scenario;
			this.instance = instance;
			this.overLimit = overLimit;
			this.tags = scenario.getTags().stream().filter(TestTag::isValid).map(TestTag::create).collect(Collectors.toUnmodifiableSet());
		}

		@Override
		public Type getType() {
			return Type.TEST;
		}

		@Override
		public Set<TestTag> getTags() {
			return tags;
		}
	}

	/** A file with errors: nothing of it runs, and this test fails with each error at file:line:col. */
	static final class InvalidFileDescriptor extends AbstractTestDescriptor {
		final List<FileDiagnostic> errors;

		InvalidFileDescriptor(UniqueId id, String file, Path path, List<FileDiagnostic> errors) {
			super(id, InstanceName.withFile(file, "the file parses and validates"), errors.isEmpty() ? FileSource.from(path.toFile())
					: FileSource.from(path.toFile(), FilePosition.from(Math.max(1, errors.get(0).line()), Math.max(1, errors.get(0).column()))));
			this.errors = errors;
		}

		@Override
		public Type getType() {
			return Type.TEST;
		}
	}

	private static TestSource source(Path path, Scenario scenario) {
		return FileSource.from(path.toFile(), FilePosition.from(Math.max(1, Locations.line(scenario)), Math.max(1, Locations.column(scenario))));
	}
}
