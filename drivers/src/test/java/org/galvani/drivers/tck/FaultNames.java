package org.galvani.drivers.tck;

import java.util.ArrayList;
import java.util.List;
import org.galvani.kernel.StatusFlags;

/** The {@link StatusFlags} fault bits by name, for messages and display names. */
final class FaultNames {

    private static final int[] BITS = {StatusFlags.HARDWARE_FAULT, StatusFlags.HARDWARE_OVERCURRENT,
        StatusFlags.LINK_FAULT, StatusFlags.DATA_FAULT, StatusFlags.FIRMWARE_WATCHDOG, StatusFlags.DRIVER_EXCEPTION,
        StatusFlags.SELF_TEST_FAILED};
    private static final String[] NAMES = {"HARDWARE_FAULT", "HARDWARE_OVERCURRENT", "LINK_FAULT", "DATA_FAULT",
        "FIRMWARE_WATCHDOG", "DRIVER_EXCEPTION", "SELF_TEST_FAILED"};

    private FaultNames() {
    }

    /** The names of the fault bits in {@code flags}, joined by '|'; "none" when there is none. */
    static String of(int flags) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if ((flags & BITS[i]) != 0) {
                names.add(NAMES[i]);
            }
        }
        return names.isEmpty() ? "none" : String.join("|", names);
    }
}
