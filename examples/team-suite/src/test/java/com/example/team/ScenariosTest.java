package com.example.team;

import org.dmabufdio.junit.DmabufdioScenarios;

/**
 * Surefire hands test engines classes only: this class points the dmabufdio engine at the
 * suite, and Surefire's report lists each scenario instance under it.
 */
@DmabufdioScenarios("src/test/dmabuf")
class ScenariosTest {
}
