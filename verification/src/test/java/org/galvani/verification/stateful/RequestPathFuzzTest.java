package org.galvani.verification.stateful;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.galvani.drivers.sim.FaultKind;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.Polarity;
import org.galvani.kernel.Prescription;
import org.galvani.kernel.RequestKind;
import org.galvani.trace.Implements;
import org.galvani.trace.Verifies;

/**
 * The request path from a UI into the kernel: arbitrary sequences of requests with arbitrary arguments
 * (prescriptions with any numbers, strings and nulls) into a runtime's {@link org.galvani.kernel.runtime.Channel},
 * with time passing and the stage misbehaving now and then. Nothing may throw past the request API, every
 * request is decided in its tick (the {@link Model}), and the {@link SafetyOracle} holds after every tick.
 */
@Implements("SRS-VER-006")
class RequestPathFuzzTest {

    private static final RequestKind[] OPERATOR = {RequestKind.START, RequestKind.PAUSE, RequestKind.RESUME,
        RequestKind.STOP, RequestKind.ACKNOWLEDGE};

    @FuzzTest
    @Verifies(value = "SRS-VER-006", version = 1)
    void requestsFromAUi(FuzzedDataProvider data) {
        List<Step> steps = new ArrayList<>();
        int count = data.consumeInt(1, 40);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            steps.add(switch (data.consumeInt(0, 5)) {
                case 0 -> new Step.Arm(prescription(data));
                case 1 -> new Step.Treat(prescription(data), data.consumeInt(0, 300));
                case 2 -> new Step.Ask(data.pickValue(OPERATOR));
                case 3 -> new Step.Wait(data.consumeInt(1, 1_500), data.consumeInt(-400, 400));
                case 4 -> new Step.Detach(data.consumeInt(1, 500));
                default -> fault(data);
            });
        }
        try (SimWorld world = new SimWorld(Plan.of(steps), 0, 0)) {
            org.quicktheories.core.stateful.Sequential.modelCheck(Model.INITIAL, steps, initial -> world,
                    SimWorld::observe);
        }
    }

    private static Step fault(FuzzedDataProvider data) {
        FaultKind kind = data.pickValue(FaultKind.values());
        long parameter = kind.hasParameter() ? data.consumeLong(kind.min(), kind.max()) : 0;
        if (kind == FaultKind.SENSOR_DRIFT && parameter == 0) {
            parameter = 1;
        }
        return new Step.Inject(kind, parameter, data.consumeInt(1, 2_000));
    }

    private static Prescription prescription(FuzzedDataProvider data) {
        if (data.consumeInt(0, 15) == 0) {
            return null;
        }
        String id = data.consumeBoolean() ? data.pickValue(new String[] {"T1", "T2"}) : data.consumeString(8);
        String drug = data.consumeBoolean() ? data.pickValue(new String[] {DrugTable.DEXAMETHASONE,
            DrugTable.LIDOCAINE, DrugTable.TAP_WATER}) : data.consumeString(12);
        Polarity polarity = data.consumeInt(0, 10) == 0 ? null : data.pickValue(Polarity.values());
        Prescription.Builder b = Prescription.builder(id).drug(drug).activeElectrode(polarity)
                .targetMicroamps(data.consumeBoolean() ? data.consumeInt(1, 4_000) : data.consumeInt())
                .electrodeAreaMm2(data.consumeBoolean() ? data.consumeInt(1, 2_000) : data.consumeInt())
                .rampMillis(data.consumeBoolean() ? data.consumeInt(100, 2_000) : data.consumeInt());
        return (data.consumeBoolean() ? b.durationMillis(data.consumeBoolean() ? data.consumeLong(100, 5_000)
                : data.consumeLong()) : b.doseMicroampMillis(data.consumeBoolean() ? data.consumeLong(1, SimWorld.CAP)
                : data.consumeLong())).build();
    }
}
