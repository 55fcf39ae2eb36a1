package org.galvani.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's side of {@link GatewayClientsMain}: starts it with this JVM's java and class path,
 * waits (bounded) until its clients are subscribed, asks for its notification count, and reads its CPU
 * time from the operating system.
 */
final class ClientProcess implements AutoCloseable {

    private static final long READY_SECONDS = 180;
    private static final char[] PASSWORD = "bench".toCharArray();

    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;

    ClientProcess(GatewayBench bench, int clients, int devices, double intervalMillis) throws Exception {
        Path keyStore = bench.workDir().resolve("client.p12");
        Path gatewayCertificate = bench.workDir().resolve("gateway.der");
        bench.writeClientFiles(keyStore, PASSWORD, gatewayCertificate);
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                GatewayClientsMain.class.getName(), bench.gateway.endpointUrl(), gatewayCertificate.toString(),
                keyStore.toString(), new String(PASSWORD), Integer.toString(clients), Integer.toString(devices),
                Double.toString(intervalMillis)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = CompletableFuture.supplyAsync(this::readLine).get(READY_SECONDS, TimeUnit.SECONDS);
        if (ready == null || !ready.startsWith("ready ")) {
            close();
            throw new IllegalStateException("the client process did not get ready: " + ready);
        }
    }

    /** Notifications all clients have received so far. */
    long notifications() {
        commands.println("count");
        String answer = readLine();
        if (answer == null || !answer.matches("\\d+")) {
            throw new IllegalStateException("the client process answered '" + answer + "' to count");
        }
        return Long.parseLong(answer);
    }

    /** The client process's CPU time so far. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("the operating system does not report the client process's CPU time"));
    }

    private String readLine() {
        try {
            return answers.readLine();
        } catch (IOException e) {
            throw new IllegalStateException("the client process's output failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
