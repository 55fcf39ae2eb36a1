package org.galvani.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galvani run} from the packaged jar: an interrupt ends a running treatment with a ramp-down. */
class RunJarIT {

    @TempDir
    Path scratch;

    @Test
    @Verifies({"SRS-APP-054", "SRS-APP-050"})
    void sigtermDuringDeliveryRampsDownToZeroClosesEverythingAndExitsZero() throws Exception {
        try (JarProcess run = JarProcess.start(scratch, "run", List.of(), "run", "--profile", "bench-test", "--no-console", "--no-opcua",
                "--data-dir", scratch.resolve("data").toString(), "--treatment-id", "SIG-1",
                "--drug", "dexamethasone-sodium-phosphate", "--current-ma", "0.5", "--area-cm2", "10", "--dose-mamin", "0.04",
                "--ramp-s", "1", "--start")) {
            assertTrue(run.awaitOut(out -> out.contains("state: SIG-1 RAMP_UP -> DELIVERING"), 60_000), run.describe());
            run.process().destroy(); // SIGTERM on Linux, as Ctrl-C's SIGINT: the shutdown hook runs
            assertEquals(0, run.awaitExit(30_000), run.describe());
            String out = run.out();
            assertTrue(out.contains("interrupted: stopping treatment SIG-1 (DELIVERING) with a ramp-down"), out);
            assertTrue(out.contains("state: SIG-1 DELIVERING -> RAMP_DOWN (requested by an operator)"), out);
            int zero = out.indexOf("Output at zero after");
            assertTrue(zero > out.indexOf("-> RAMP_DOWN"), out);
            assertTrue(out.indexOf("Device stopped: output disabled, driver and ledger closed") > zero, out);
        }
    }
}
