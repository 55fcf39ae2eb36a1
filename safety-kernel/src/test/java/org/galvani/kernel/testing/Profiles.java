package org.galvani.kernel.testing;

import java.util.EnumSet;
import org.galvani.kernel.DeviceProfile;
import org.galvani.kernel.DrugTable;
import org.galvani.kernel.EndCriterion;

/** Device profiles for tests that must reach every state in a few seconds of simulated time. */
public final class Profiles {

    private Profiles() {
    }

    /**
     * The drug-delivery patch with 100 ms ramps and contact confirmation, a small hard cap, both end
     * criteria (durations of 0.1 to 5 s), every drug of the standard table and a dose checkpoint every
     * 100 ms: short random sequences reach ramps, completion, the cap and faults.
     */
    public static DeviceProfile.Builder quickDrugDelivery(String name, long hardCapMicroampMillis) {
        return DeviceProfile.drugDeliveryPatch().toBuilder().name(name)
                .minRampMillis(100)
                .contactConfirmMillis(100)
                .hardCapMicroampMillis(hardCapMicroampMillis)
                .endCriteria(EnumSet.allOf(EndCriterion.class))
                .durationRangeMillis(100, 5_000)
                .drugs(DrugTable.standard())
                .checkpointIntervalMillis(100);
    }
}
