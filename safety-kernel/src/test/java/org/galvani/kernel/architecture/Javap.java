package org.galvani.kernel.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.spi.ToolProvider;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Disassembles a compiled class with the JDK's own javap, for what ArchUnit does not model: a
 * {@code synchronized} block is visible only as a {@code monitorenter} instruction.
 */
final class Javap {

    private Javap() {
    }

    /** The bytecode listing of {@code javaClass}, private members included. */
    static String disassemble(JavaClass javaClass) {
        String location = javaClass.getSource()
                .orElseThrow(() -> new IllegalStateException("no class file for " + javaClass.getName()))
                .getUri().toString();
        ToolProvider javap = ToolProvider.findFirst("javap")
                .orElseThrow(() -> new IllegalStateException("javap is not available: run the tests on a JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = javap.run(new PrintWriter(out), new PrintWriter(err), "-c", "-p", location);
        if (status != 0) {
            throw new IllegalStateException("javap failed on " + location + ": " + err);
        }
        return out.toString();
    }
}
