package org.dmabufdio.dsl.tests;

import org.dmabufdio.junit.DmabufdioScenarios;

/**
 * The shipped suites state kernel behaviour the simulator must reproduce: every scenario in them
 * passes (or fails where it says xfail). They run through the dmabufdio JUnit engine, so
 * Surefire's report names each scenario instance. The card is left out: it shows a failing
 * kernel on purpose and has its own test ({@link CardScenarioTest}).
 */
@DmabufdioScenarios({ "../scenarios/kernel", "../scenarios/seed", "../scenarios/timing" })
class ShippedScenariosTest {
}
