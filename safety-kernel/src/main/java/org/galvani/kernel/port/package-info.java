/**
 * The runtime's ports: the {@link org.galvani.kernel.port.DoseLedger} and the
 * {@link org.galvani.kernel.port.ChannelEventSink}. The driver SPI is in {@code org.galvani.kernel.spi}.
 */
package org.galvani.kernel.port;
