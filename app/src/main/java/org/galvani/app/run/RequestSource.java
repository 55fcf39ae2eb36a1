package org.galvani.app.run;

import org.galvani.trace.Implements;

/**
 * Where an operator's requests come from: the local console and the OPC UA gateway. A source hands each
 * request to the {@link OperatorDesk} (which asks the kernel) and passes the answer back to whoever asked,
 * so that the desk sees every request whatever its source.
 */
@Implements({"SRS-APP-050", "SRS-APP-070"})
public interface RequestSource extends AutoCloseable {

    /** A short name for the log and the answers' origin, e.g. "console". */
    String name();

    /**
     * Starts serving requests through {@code desk} and returns once the source serves; its work runs on
     * its own threads. Throws, leaving nothing running, when it cannot serve.
     */
    void open(OperatorDesk desk) throws Exception;

    /** Stops serving (a no-op if it never opened or has already ended). */
    @Override
    void close();
}
