/**
 * The driver conformance kit (TCK): a JUnit 5 test kit that checks what the safety kernel relies on from
 * an {@link org.galvani.kernel.spi.OutputStageDriver}. A vendor extends {@link
 * org.galvani.drivers.tck.DriverConformanceKit} in its own test sources and implements a {@link
 * org.galvani.drivers.tck.ConformanceTarget} for its stage. Published as the drivers module's test-jar
 * (classifier {@code tests}); see {@code docs/WRITING-A-DRIVER.md}.
 */
package org.galvani.drivers.tck;
