package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.Reason;
import org.galvani.kernel.RequestKind;
import org.galvani.kernel.runtime.Channel;
import org.galvani.kernel.runtime.KernelRuntime;
import org.galvani.kernel.runtime.RequestOutcome;
import org.galvani.kernel.testing.Profiles;
import org.galvani.kernel.testing.TestStage;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * The gateway source's gate, without a network: a request goes through the desk and its decision is told
 * on the console; after the source is closed, a decision that comes late is not told and nothing throws on
 * the thread that completes it (here the caller's: simulated time dispatches on it).
 */
class GatewayRequestSourceTest {

    private final PrintedOutput output = new PrintedOutput();

    @Test
    @Verifies("SRS-APP-070")
    void aDecisionIsToldOnTheConsoleAndALateOneAfterCloseIsDroppedQuietly() throws Exception {
        DeviceProfile profile = Profiles.quickDrugDelivery("gate", 60_000_000L).build();
        try (KernelRuntime runtime = KernelRuntime.builder().channel("ch0", profile, new TestStage()).build()) {
            Channel channel = runtime.channel("ch0");
            OperatorDesk desk = new OperatorDesk(channel, profile, () -> { });
            GatewayRequestSource source = new GatewayRequestSource(null, runtime, null, call -> { }, Map.of(),
                    output.out());

            CompletableFuture<RequestOutcome> told = source.gate(desk).submit(channel, RequestKind.RESUME, null, "dora");
            runtime.advanceTo(1_000);
            assertEquals(Reason.INVALID_STATE, told.get(1, TimeUnit.SECONDS).reason());
            assertTrue(output.await(p -> p.contains("opcua dora: resume on ch0: refused: ")), output.text());

            CompletableFuture<RequestOutcome> late = source.gate(desk).submit(channel, RequestKind.PAUSE, null, "dora");
            source.close();
            runtime.advanceTo(2_000); // completes the decision on this thread: nothing may throw here
            assertFalse(late.get(1, TimeUnit.SECONDS).accepted());
            Thread.sleep(100);
            assertFalse(output.text().contains("opcua dora: pause"), "not told after close: " + output.text());
        }
    }
}
