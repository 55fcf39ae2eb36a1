/**
 * The driver SPI: {@link org.galvani.kernel.spi.OutputStageDriver} is what a vendor implements for its
 * output stage. Drivers report and obey; only the kernel decides.
 */
package org.galvani.kernel.spi;
