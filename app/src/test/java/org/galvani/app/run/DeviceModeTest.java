package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.profile.DemoProfile;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device mode in process, on the in-process simulated stage in real time, under the bench profile. */
class DeviceModeTest {

    private static final String DRUG = "dexamethasone-sodium-phosphate";

    @TempDir
    Path data;

    private final PrintedOutput output = new PrintedOutput();
    private final PrintWriter out = output.out();

    private RunSettings settings(TreatmentOrder startup, boolean start, boolean exitWhenDone) {
        return new RunSettings(GalvaniConfig.defaults(), DemoProfile.BENCH_TEST, data, true, false, 200, startup, start,
                10_000, exitWhenDone, 300, null);
    }

    @Test
    @Verifies({"SRS-APP-050", "SRS-APP-051", "SRS-APP-054"})
    void theConsoleAnswersEachLineWithTheKernelsDecisionAndQuitRampsDownBeforeClosing() throws Exception {
        ConsoleDevice console = ConsoleDevice.start(settings(null, false, false), out);
        assertTrue(output.await(p -> p.contains("Device running: driver sim (embedded defaults), profile bench-test,"
                + " stage hold 300 ms, ledger " + data.resolve("galvani-ledger.db"))), output.text());

        console.type("strat");
        assertTrue(output.await(p -> p.contains("error: unknown command 'strat'")), output.text());
        console.type("start");
        assertTrue(output.await(p -> p.contains("start: refused: the request is not allowed in the current state"
                + " (INVALID_STATE; in state IDLE)")), output.text());
        console.type("arm T-1 drug=" + DRUG + " current-ma=1e12 area-cm2=10 dose-mamin=0.03 ramp-s=0.5");
        assertTrue(output.await(p -> p.contains("arm: not sent: current (mA)")), output.text());
        console.type("arm T-1 drug=" + DRUG + " current-ma=2 area-cm2=10 dose-mamin=0.03 ramp-s=0.5");
        assertTrue(output.await(p -> p.contains("arm T-1: refused: target current above the device maximum")), output.text());
        console.type("arm T-1 drug=" + DRUG + " current-ma=1 area-cm2=10 dose-mamin=0.03 ramp-s=0.5");
        assertTrue(output.await(p -> p.contains("arm T-1: accepted")), output.text());
        // Refused until contact is confirmed (0.2 s on the bench profile): the operator tries again.
        for (int i = 0; i < 50 && !output.text().contains("start: accepted"); i++) {
            console.type("start");
            int answers = i + 2; // and the refusal in IDLE above
            assertTrue(output.await(p -> p.split("start: ", -1).length - 1 >= answers), output.text());
            Thread.sleep(100);
        }
        assertTrue(output.text().contains("start: accepted"), output.text());
        assertTrue(output.await(p -> p.contains("state: T-1 RAMP_UP -> DELIVERING")), output.text());
        console.type("status");
        assertTrue(output.await(p -> p.contains("status: T-1  DELIVERING")), output.text());
        assertTrue(output.await(p -> p.contains("progress: T-1  DELIVERING")), output.text());

        console.type("quit");
        assertTrue(output.await(p -> p.contains("Device stopped")), output.text());
        assertEquals(DeviceMode.EXIT_OK, console.awaitExit(10), output.text());
        String all = output.text();
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
        String all = output.text();
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
        String all = output.text();
        assertEquals(DeviceMode.EXIT_REFUSED, code, all);
        assertTrue(all.contains("refused: prescribed dose above the hard dose cap (DOSE_ABOVE_CAP"), all);
        assertTrue(all.contains("Device stopped"), all);
    }
}
