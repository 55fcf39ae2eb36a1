package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.profile.DemoProfile;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device mode in process, on the in-process simulated stage in real time, under the bench profile. */
class DeviceModeTest {

    private static final String DRUG = "dexamethasone-sodium-phosphate";
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path data;

    private final StringWriter printed = new StringWriter();
    private final PrintWriter out = new PrintWriter(printed, true);

    private RunSettings settings(TreatmentOrder startup, boolean start, boolean exitWhenDone) {
        return new RunSettings(GalvaniConfig.defaults(), DemoProfile.BENCH_TEST, data, true, false, 200, startup, start,
                10_000, exitWhenDone, 300, null);
    }

    private String printed() {
        synchronized (printed) {
            return printed.toString();
        }
    }

    /** Waits (bounded) until what was printed satisfies {@code condition}. */
    private boolean awaitPrinted(Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.test(printed())) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    @Verifies({"SRS-APP-050", "SRS-APP-051", "SRS-APP-054"})
    void theConsoleAnswersEachLineWithTheKernelsDecisionAndQuitRampsDownBeforeClosing() throws Exception {
        PipedWriter typing = new PipedWriter();
        BufferedReader console = new BufferedReader(new PipedReader(typing));
        PrintWriter operator = new PrintWriter(typing, true);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> new DeviceMode(settings(null, false, false), out).run(console));
        assertTrue(awaitPrinted(p -> p.contains("Device running: driver sim (embedded defaults), profile bench-test,"
                + " stage hold 300 ms, ledger " + data.resolve("galvani-ledger.db"))), printed());

        operator.println("strat");
        assertTrue(awaitPrinted(p -> p.contains("error: unknown command 'strat'")), printed());
        operator.println("start");
        assertTrue(awaitPrinted(p -> p.contains("start: refused: the request is not allowed in the current state"
                + " (INVALID_STATE; in state IDLE)")), printed());
        operator.println("arm T-1 drug=" + DRUG + " current-ma=1e12 area-cm2=10 dose-mamin=0.03 ramp-s=0.5");
        assertTrue(awaitPrinted(p -> p.contains("arm: not sent: current (mA)")), printed());
        operator.println("arm T-1 drug=" + DRUG + " current-ma=2 area-cm2=10 dose-mamin=0.03 ramp-s=0.5");
        assertTrue(awaitPrinted(p -> p.contains("arm T-1: refused: target current above the device maximum")), printed());
        operator.println("arm T-1 drug=" + DRUG + " current-ma=1 area-cm2=10 dose-mamin=0.03 ramp-s=0.5");
        assertTrue(awaitPrinted(p -> p.contains("arm T-1: accepted")), printed());
        // Refused until contact is confirmed (0.2 s on the bench profile): the operator tries again.
        for (int i = 0; i < 50 && !printed().contains("start: accepted"); i++) {
            operator.println("start");
            int answers = i + 2; // and the refusal in IDLE above
            assertTrue(awaitPrinted(p -> p.split("start: ", -1).length - 1 >= answers), printed());
            Thread.sleep(100);
        }
        assertTrue(printed().contains("start: accepted"), printed());
        assertTrue(awaitPrinted(p -> p.contains("state: T-1 RAMP_UP -> DELIVERING")), printed());
        operator.println("status");
        assertTrue(awaitPrinted(p -> p.contains("status: T-1  DELIVERING")), printed());
        assertTrue(awaitPrinted(p -> p.contains("progress: T-1  DELIVERING")), printed());

        operator.println("quit");
        assertTrue(awaitPrinted(p -> p.contains("Device stopped")), printed());
        assertEquals(DeviceMode.EXIT_OK, exit.get(10, TimeUnit.SECONDS), printed());
        String all = printed();
        assertTrue(all.contains("quit: stopping treatment T-1 (DELIVERING) with a ramp-down"), all);
        assertTrue(all.contains("state: T-1 DELIVERING -> RAMP_DOWN (requested by an operator)"), all);
        assertTrue(all.indexOf("Output at zero after") > all.indexOf("-> RAMP_DOWN"), all);
        assertTrue(all.indexOf("Device stopped: output disabled, driver and ledger closed") > all.indexOf("Output at zero"), all);
    }

    @Test
    @Verifies({"SRS-APP-052", "SRS-APP-053"})
    void aStartUpTreatmentStartsOnceContactIsConfirmedAndExitWhenDoneEndsAfterIt() {
        TreatmentOrder order = new TreatmentOrder("T-2", DRUG, 1.0, 10.0, 0.02, 0.0, 0.5, null);
        int code = new DeviceMode(settings(order, true, true), out).run(null);
        String all = printed();
        assertEquals(DeviceMode.EXIT_OK, code, all);
        assertTrue(all.contains("arm T-2: " + DRUG + ", 1.000 mA over 10.0 cm², 0.0200 mA·min, ramps of 0.5 s: accepted"), all);
        assertTrue(all.contains("start: accepted"), all);
        assertTrue(all.contains("state: T-2 RAMP_UP -> DELIVERING"), all);
        assertTrue(all.contains("Treatment T-2 ended: COMPLETE (the ramp-down reached zero)"), all);
        assertTrue(all.contains("progress: T-2  "), "a progress line while it ran: " + all);
    }

    @Test
    @Verifies("SRS-APP-052")
    void aStartUpTreatmentTheKernelRefusesEndsTheDeviceWithTwoSayingWhy() {
        TreatmentOrder order = new TreatmentOrder("T-3", DRUG, 1.0, 10.0, 0.5, 0.0, 0.5, null);
        int code = new DeviceMode(settings(order, true, true), out).run(null);
        String all = printed();
        assertEquals(DeviceMode.EXIT_REFUSED, code, all);
        assertTrue(all.contains("refused: prescribed dose above the hard dose cap (DOSE_ABOVE_CAP"), all);
        assertTrue(all.contains("Device stopped"), all);
    }
}
