package org.galvani.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.drivers.wire.WireDriver;
import org.galvani.drivers.wire.WireDriverConfig;
import org.galvani.kernel.Measurement;
import org.galvani.kernel.StatusFlags;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatorCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("Emulator listening on 127\\.0\\.0\\.1:(\\d+) \\(device clock");

    @Test
    @Verifies("SRS-APP-010")
    void itServesAWireDriverOnTheEndpointItPrintsAndReportsTheTrueChargeAtExit() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> GalvaniCli.run(new PrintWriter(out, true),
                new PrintWriter(err, true), "emulator", "--port", "0", "--clock", "device", "--seed", "7",
                "--duration-s", "3"));
        Matcher endpoint = ENDPOINT.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!endpoint.reset(out.toString()).find() && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(10);
        }
        assertTrue(endpoint.reset(out.toString()).find(), out + "\n" + err);
        WireDriver driver = WireDriver.tcp(WireDriverConfig.loopback(Integer.parseInt(endpoint.group(1)))
                .withResponseTimeoutMicros(500_000).withReconnectIntervalMillis(0));
        try {
            driver.open();
            assertTrue(driver.selfTest().passed());
            Measurement reading = new Measurement();
            driver.sample(1_000, reading);
            assertEquals(1_000, reading.sampledAtMicros());
            assertEquals(StatusFlags.OUTPUT_SAFE, reading.statusFlags());
        } finally {
            driver.close();
        }
        assertEquals(0, exit.get(20, TimeUnit.SECONDS), err.toString());
        assertTrue(out.toString().contains("emulator: true charge delivered 0 uA*us"), out.toString());
    }

    @Test
    @Verifies("SRS-APP-056")
    void everyHostConnectionAndDisconnectIsPrintedTheDisconnectWithTheTrueChargeSoFar() {
        StringWriter printed = new StringWriter();
        EmulatorCommand.SessionLines lines = new EmulatorCommand.SessionLines(new PrintWriter(printed));
        lines.connected(3, "tcp /127.0.0.1:5000");
        lines.disconnected(3, 1_599_718_632L);
        assertEquals(String.format("emulator: host 3 connected from tcp /127.0.0.1:5000%n"
                + "emulator: host 3 disconnected; true charge so far: 1599718632 uA*us (1599718 uA*ms)%n"), printed.toString());
    }

    @ParameterizedTest
    @Verifies({"SRS-APP-010", "SRS-APP-002"})
    @CsvSource(delimiter = '|', value = {
        "--port|70000|--port must be from 0 to 65535, was 70000",
        "--clock|sideways|--clock must be host or device, was 'sideways'",
        "--watchdog-ms|0|--watchdog-ms must be from 1 to 60000, was 0",
        "--duration-s|-1|--duration-s must be zero or a positive number, was -1.0",
        "--port|abc|Invalid value for option '--port'"})
    void badOptionsAreUsageErrorsNamingTheOption(String option, String value, String message) {
        CliRun run = CliRun.of("emulator", option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    @Verifies("SRS-APP-010")
    void anAddressInUseExitsWithOneNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            CliRun run = CliRun.of("emulator", "--port", String.valueOf(taken.getLocalPort()), "--duration-s", "0.1");
            assertEquals(1, run.exitCode(), run.out());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
        }
    }
}
