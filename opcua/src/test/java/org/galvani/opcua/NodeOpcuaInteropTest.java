package org.galvani.opcua;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent OPC UA stack, node-opcua (installed by the build from the committed lock file), drives the
 * gateway over Basic256Sha256 SignAndEncrypt with a user name: browse, read, subscribe, a refused
 * out-of-range Arm, a full treatment, and a detach seen as an event and as ContactOk=false. Skipped with a
 * message when node or the client is missing, unless GALVANI_REQUIRE_NODE is set.
 */
class NodeOpcuaInteropTest {

    private static final Path CLIENT_DIR = Path.of("target", "node-interop");
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path work;

    @Test
    @Verifies("SRS-OPC-032")
    void nodeOpcuaBrowsesReadsSubscribesCallsAndSeesADetach() throws Exception {
        requireNodeClient();
        try (GatewayHarness harness = new GatewayHarness(work.resolve("pki"), 2, false)) {
            KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(keys).setCommonName("galvani node interop")
                    .setApplicationUri("urn:galvani:node-interop").addIpAddress("127.0.0.1").addDnsName("localhost")
                    .build();
            harness.gateway.certificates().trust(certificate);
            Path certificateFile = pem(work.resolve("client.pem"), "CERTIFICATE", certificate.getEncoded());
            Path keyFile = pem(work.resolve("client-key.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
            Path serverCertificate = Files.write(work.resolve("server.der"),
                    harness.gateway.certificates().certificate().getEncoded());

            Process node = new ProcessBuilder("node", "interop.mjs", harness.gateway.endpointUrl(),
                    GatewayHarness.CLINICIAN, GatewayHarness.PASSWORD, certificateFile.toString(), keyFile.toString(),
                    serverCertificate.toString(), work.resolve("node-pki").toString())
                    .directory(CLIENT_DIR.toFile()).redirectErrorStream(false).start();
            Map<String, String> steps = run(node, harness);

            assertStep(steps, "connected", "\"securityMode\":\"SignAndEncrypt\"");
            assertStep(steps, "connected", "Basic256Sha256");
            assertStep(steps, "browse", "\"objects\":[");
            assertStep(steps, "browse", "\"Devices\"");
            assertStep(steps, "browse", "\"devices\":[\"ch01\",\"ch02\"]");
            assertStep(steps, "browse", "\"Arm\"");
            assertStep(steps, "read", "\"State\":\"IDLE\"");
            assertStep(steps, "read", "\"ContactOk\":");
            assertStep(steps, "refused-arm", "\"status\":\"BadOutOfRange\"");
            assertStep(steps, "refused-arm", "\"outcome\":\"refused: target current above the device maximum\"");
            assertStep(steps, "treatment", "\"arm\":{\"status\":\"Good\",\"outcome\":\"accepted\"}");
            assertStep(steps, "treatment", "\"start\":{\"status\":\"Good\"");
            assertStep(steps, "treatment", "\"finalState\":\"COMPLETE\"");
            assertStep(steps, "treatment", "\"DELIVERING\"");
            assertTrue(!steps.get("treatment").contains("\"notifications\":0,")
                    && !steps.get("treatment").endsWith("\"notifications\":0}"), steps.get("treatment"));
            assertStep(steps, "detach", "\"contactOk\":false");
            assertStep(steps, "detach", "\"state\":\"CONTACT_LOST\"");
            assertStep(steps, "detach", "\"message\":\"contact lost: ");
            assertStep(steps, "detach", "\"severity\":800");
            assertStep(steps, "stop", "\"status\":\"Good\"");
            assertNotNull(steps.get("done"), "the client finished: " + steps);
        }
    }

    /** Runs the client, detaching ch02's electrode when it asks; returns each step's JSON line. */
    private static Map<String, String> run(Process node, GatewayHarness harness) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder errors = new StringBuilder();
        Thread stdout = pump(node.getInputStream(), lines, null);
        Thread stderr = pump(node.getErrorStream(), null, errors);
        Map<String, String> steps = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try (OutputStream stdin = node.getOutputStream()) {
            while (!steps.containsKey("done")) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!node.isAlive() && lines.isEmpty()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                    continue;
                }
                if (line.startsWith("{\"step\":\"")) {
                    String step = line.substring(9, line.indexOf('"', 9));
                    steps.put(step, line);
                    if (step.equals("detach-ready")) {
                        harness.stages.get(1).detach();
                        stdin.write('\n');
                        stdin.flush();
                    }
                }
            }
        } finally {
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            stdout.join(5_000);
            stderr.join(5_000);
        }
        if (!steps.containsKey("done")) {
            fail("node-opcua client did not finish (exit " + (node.isAlive() ? "running" : node.exitValue())
                    + "): steps " + steps + "\nstderr:\n" + errors);
        }
        return steps;
    }

    private static Thread pump(java.io.InputStream stream, BlockingQueue<String> lines, StringBuilder text) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (lines != null) {
                        lines.add(line);
                    } else {
                        synchronized (text) {
                            text.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "node-interop-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void assertStep(Map<String, String> steps, String step, String fragment) {
        String line = steps.get(step);
        assertNotNull(line, "step " + step + " missing: " + steps);
        assertTrue(line.contains(fragment), "step " + step + " lacks " + fragment + ": " + line);
    }

    private static void requireNodeClient() {
        boolean installed = Files.isDirectory(CLIENT_DIR.resolve("node_modules").resolve("node-opcua-client"));
        if (!installed) {
            String why = "node-opcua-client is not installed in " + CLIENT_DIR.toAbsolutePath()
                    + " (no node/npm, or npm ci failed; see the build log of install-node-opcua)";
            if (System.getenv("GALVANI_REQUIRE_NODE") != null) {
                fail(why + ", and GALVANI_REQUIRE_NODE is set");
            }
            Assumptions.abort(why + ": interop test skipped");
        }
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
