package org.galvani.drivers.wire;

import java.util.Map;
import org.galvani.kernel.spi.DriverProvider;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.kernel.spi.OutputStageDriver;
import org.galvani.trace.Implements;

/** The {@code wire} driver, found through {@link java.util.ServiceLoader}. Creating one does no I/O. */
@Implements("SRS-DRV-024")
public final class WireDriverProvider implements DriverProvider {

    @Override
    public String name() {
        return "wire";
    }

    @Override
    public String description() {
        return "an output stage on a serial wire protocol (drivers/WIRE-PROTOCOL.md), reached over TCP";
    }

    @Override
    public Map<String, String> settings() {
        return WireDriverConfig.SETTINGS;
    }

    @Override
    public OutputStageDriver create(DriverSettings settings) {
        return WireDriver.tcp(WireDriverConfig.from(settings));
    }
}
