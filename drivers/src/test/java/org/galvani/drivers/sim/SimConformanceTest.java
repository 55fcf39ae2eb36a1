package org.galvani.drivers.sim;

import org.galvani.drivers.tck.ConformanceTarget;
import org.galvani.drivers.tck.DriverConformanceKit;
import org.galvani.trace.Verifies;

/** The {@code sim} stage passes the driver conformance kit. */
@Verifies({"SRS-DRV-042", "SRS-KRN-028"})
@Verifies(value = "SRS-DRV-005", version = 2)
class SimConformanceTest extends DriverConformanceKit {

    @Override
    protected ConformanceTarget target() {
        return new SimConformanceTarget();
    }
}
