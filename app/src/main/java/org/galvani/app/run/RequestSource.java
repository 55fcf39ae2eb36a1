package org.galvani.app.run;

import org.galvani.trace.Implements;

/**
 * Where an operator's requests come from: the local console is one source, the OPC UA gateway will be
 * another. A source turns what it receives into {@link OperatorCommand}s, hands each to the
 * {@link OperatorDesk} (which asks the kernel) and passes the answer back to whoever asked.
 */
@Implements("SRS-APP-050")
public interface RequestSource extends AutoCloseable {

    /** A short name for the log and the answers' origin, e.g. "console". */
    String name();

    /** Serves requests until the source ends or is closed; runs on its own thread. */
    void serve(OperatorDesk desk);

    /** Stops serving (a no-op if it has already ended). */
    @Override
    void close();
}
