package org.galvani.drivers.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.galvani.kernel.spi.DriverSettings;
import org.galvani.trace.Implements;

/**
 * The wire driver's configuration, read from {@link DriverSettings} (every key in {@link #SETTINGS}).
 *
 * @param host                      the device's host name or address
 * @param port                      its TCP port
 * @param connectTimeoutMillis      how long a connection attempt, and open()'s CLEAR_FAULT handshake, may take
 * @param responseTimeoutMicros     how long sample() and selfTest() wait for a reply; shorter than the
 *                                  control period in real time (in simulated time it may be longer)
 * @param missedRepliesForLinkFault consecutive MEASURE requests without their reply before LINK_FAULT
 * @param reconnectIntervalMillis   pause between reconnection attempts after the link broke; 0: never reconnect
 * @param writeTimeoutMicros        how long writing one frame may take before the link counts as broken
 * @param maxCurrentMicroamps       the stage's maximum current, declared in the capabilities (µA)
 * @param complianceMillivolts      the stage's compliance voltage, declared in the capabilities (mV)
 */
@Implements("SRS-DRV-024")
public record WireDriverConfig(String host, int port, int connectTimeoutMillis, long responseTimeoutMicros,
                               int missedRepliesForLinkFault, int reconnectIntervalMillis, long writeTimeoutMicros,
                               int maxCurrentMicroamps, int complianceMillivolts) {

    /** The settings the driver reads, with a description that names the default. */
    public static final Map<String, String> SETTINGS = settings();

    public WireDriverConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("wire driver: host is missing");
        }
        check("port", port, 1, 65_535);
        check("connect-timeout-ms", connectTimeoutMillis, 1, 60_000);
        check("response-timeout-micros", responseTimeoutMicros, 50, 10_000_000);
        check("missed-replies-for-link-fault", missedRepliesForLinkFault, 1, 1_000);
        check("reconnect-interval-ms", reconnectIntervalMillis, 0, 60_000);
        check("write-timeout-micros", writeTimeoutMicros, 100, 10_000_000);
        check("max-current-microamps", maxCurrentMicroamps, 1, 100_000);
        check("compliance-millivolts", complianceMillivolts, 1, 200_000);
    }

    /** The defaults, for a device on 127.0.0.1 at {@code port}. */
    public static WireDriverConfig loopback(int port) {
        return new WireDriverConfig("127.0.0.1", port, 1_000, 500, 3, 500, 2_000, 25_000, 80_000);
    }

    /** Reads and validates {@code settings}; errors name the setting, its value and what is allowed. */
    public static WireDriverConfig from(DriverSettings settings) {
        settings.requireKnown(SETTINGS.keySet());
        WireDriverConfig d = loopback(7450);
        return new WireDriverConfig(
                settings.text("host", d.host()),
                (int) settings.integer("port", d.port(), 1, 65_535),
                (int) settings.integer("connect-timeout-ms", d.connectTimeoutMillis(), 1, 60_000),
                settings.integer("response-timeout-micros", d.responseTimeoutMicros(), 50, 10_000_000),
                (int) settings.integer("missed-replies-for-link-fault", d.missedRepliesForLinkFault(), 1, 1_000),
                (int) settings.integer("reconnect-interval-ms", d.reconnectIntervalMillis(), 0, 60_000),
                settings.integer("write-timeout-micros", d.writeTimeoutMicros(), 100, 10_000_000),
                (int) settings.integer("max-current-microamps", d.maxCurrentMicroamps(), 1, 100_000),
                (int) settings.integer("compliance-millivolts", d.complianceMillivolts(), 1, 200_000));
    }

    public WireDriverConfig withResponseTimeoutMicros(long micros) {
        return new WireDriverConfig(host, port, connectTimeoutMillis, micros, missedRepliesForLinkFault,
                reconnectIntervalMillis, writeTimeoutMicros, maxCurrentMicroamps, complianceMillivolts);
    }

    public WireDriverConfig withMissedRepliesForLinkFault(int misses) {
        return new WireDriverConfig(host, port, connectTimeoutMillis, responseTimeoutMicros, misses,
                reconnectIntervalMillis, writeTimeoutMicros, maxCurrentMicroamps, complianceMillivolts);
    }

    public WireDriverConfig withReconnectIntervalMillis(int millis) {
        return new WireDriverConfig(host, port, connectTimeoutMillis, responseTimeoutMicros, missedRepliesForLinkFault,
                millis, writeTimeoutMicros, maxCurrentMicroamps, complianceMillivolts);
    }

    private static void check(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("wire driver: " + setting + " must be from " + min + " to " + max
                    + ", was " + value);
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("host", "the device's host name or address (default 127.0.0.1)");
        s.put("port", "the device's TCP port, 1..65535 (default 7450)");
        s.put("connect-timeout-ms", "connection and open() handshake timeout in ms, 1..60000 (default 1000)");
        s.put("response-timeout-micros", "how long to wait for a reply in us, 50..10000000; shorter than the"
                + " control period in real time (default 500)");
        s.put("missed-replies-for-link-fault", "consecutive missing measurements before LINK_FAULT, 1..1000"
                + " (default 3)");
        s.put("reconnect-interval-ms", "pause between reconnection attempts in ms, 0 = never reconnect, 0..60000"
                + " (default 500)");
        s.put("write-timeout-micros", "how long writing one frame may take in us, 100..10000000 (default 2000)");
        s.put("max-current-microamps", "the stage's maximum current in uA, 1..100000 (default 25000)");
        s.put("compliance-millivolts", "the stage's compliance voltage in mV, 1..200000 (default 80000)");
        return Collections.unmodifiableMap(s);
    }
}
