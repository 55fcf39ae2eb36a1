package org.galvani.drivers.wire;

import org.galvani.drivers.tck.ClockPolicy;
import org.galvani.drivers.tck.ConformanceTarget;
import org.galvani.drivers.tck.DriverConformanceKit;
import org.galvani.trace.Verifies;

/**
 * The {@code wire} driver passes the driver conformance kit against its device emulator, in real time:
 * the same kit as the in-process {@code sim}, so the two drivers are interchangeable under the kernel.
 */
@Verifies({"SRS-DRV-044", "SRS-KRN-028"})
class WireConformanceTest extends DriverConformanceKit {

    @Override
    protected ConformanceTarget target() {
        return new WireConformanceTarget(ClockPolicy.REAL_TIME);
    }
}
