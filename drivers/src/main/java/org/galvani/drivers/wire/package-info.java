/**
 * {@code wire}: a vendor wire-protocol driver. {@link org.galvani.drivers.wire.WireDriver} speaks the
 * framed UART-style protocol of {@code drivers/WIRE-PROTOCOL.md} over a
 * {@link org.galvani.drivers.wire.ByteLink} (TCP on 127.0.0.1 stands in for the serial line); the codec
 * ({@link org.galvani.drivers.wire.FrameEncoder}, {@link org.galvani.drivers.wire.FrameDecoder}) works in
 * fixed buffers. The device side is in {@code org.galvani.drivers.wire.emulator}.
 */
package org.galvani.drivers.wire;
