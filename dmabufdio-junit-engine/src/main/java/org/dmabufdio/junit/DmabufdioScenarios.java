package org.dmabufdio.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose selection runs scenario files, for build tools that hand test engines
 * classes only (Surefire and Gradle do, as Cucumber's {@code @Cucumber} works around):
 *
 * <pre>
 * &#64;DmabufdioScenarios("src/test/dmabuf")
 * class ScenariosTest {
 * }
 * </pre>
 *
 * Each value is a directory (relative to the working directory, which is the project's under
 * Maven) or {@code classpath:} and a resource directory. Without values: the directory of the
 * configuration parameter {@code dmabufdio.scenarios.directory}, else the class's own package
 * on the class path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DmabufdioScenarios {

	String[] value() default {};
}
