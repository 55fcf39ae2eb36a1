package org.galvani.drivers.wire;

import java.io.IOException;

/** Opens a new {@link ByteLink} to the device: how the driver connects and reconnects. */
@FunctionalInterface
public interface LinkConnector {

    /** A new open link, or an {@link IOException} saying why not; bounded by the connector's own timeout. */
    ByteLink connect() throws IOException;
}
