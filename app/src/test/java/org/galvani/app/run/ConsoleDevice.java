package org.galvani.app.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A device running on its own thread with a console the test types into, as an operator at the device would. */
final class ConsoleDevice {

    final DeviceMode device;
    private final PrintWriter operator;
    private final CompletableFuture<Integer> exit;

    private ConsoleDevice(DeviceMode device, PrintWriter operator, CompletableFuture<Integer> exit) {
        this.device = device;
        this.operator = operator;
        this.exit = exit;
    }

    /** Starts a device with {@code settings}, printing to {@code out}; it runs until told to quit. */
    static ConsoleDevice start(RunSettings settings, PrintWriter out) throws IOException {
        PipedWriter typing = new PipedWriter();
        BufferedReader console = new BufferedReader(new PipedReader(typing));
        DeviceMode device = new DeviceMode(settings, out);
        return new ConsoleDevice(device, new PrintWriter(typing, true),
                CompletableFuture.supplyAsync(() -> device.run(console)));
    }

    /** Types one line at the console. */
    void type(String line) {
        operator.println(line);
    }

    /** The device's exit code, waiting at most {@code seconds}. */
    int awaitExit(long seconds) throws Exception {
        return exit.get(seconds, TimeUnit.SECONDS);
    }
}
