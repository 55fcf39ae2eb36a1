package org.galvani.app.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.galvani.app.CliRun;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code galvani trust}: trusting a client certificate, listing the rejected ones, and clear errors. */
class TrustCommandTest {

    private static X509Certificate client;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeAClientCertificate() throws Exception {
        KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        client = new SelfSignedCertificateBuilder(keys).setCommonName("clinic system")
                .setApplicationUri("urn:clinic:system").build();
    }

    private Path trusted() {
        return dir.resolve("pki").resolve("trusted").resolve("certs").resolve(TrustCommand.thumbprint(client) + ".der");
    }

    @Test
    @Verifies("SRS-APP-063")
    void aRejectedDerCertificateIsListedWithItsThumbprintThenTrusted() throws Exception {
        Path rejected = dir.resolve("pki").resolve("rejected").resolve("certs");
        Files.createDirectories(rejected);
        Path kept = rejected.resolve("clinic-system.der");
        Files.write(kept, client.getEncoded());
        Files.writeString(rejected.resolve("junk.der"), "not a certificate");

        CliRun list = CliRun.inDataDir(dir, "trust", "--list");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().startsWith("2 rejected client certificate(s) in " + rejected), list.out());
        assertTrue(list.out().contains("clinic-system.der  thumbprint " + TrustCommand.thumbprint(client)
                + "  " + client.getSubjectX500Principal()), list.out());
        assertTrue(list.out().contains("junk.der  (not a certificate: "), list.out());

        CliRun trust = CliRun.inDataDir(dir, "trust", kept.toString());
        assertEquals(0, trust.exitCode(), trust.err());
        assertEquals("trusted " + client.getSubjectX500Principal() + " (thumbprint " + TrustCommand.thumbprint(client) + ") as " + trusted()
                + "\n", trust.out());
        assertTrue(Files.exists(trusted()));
        assertFalse(Files.exists(kept), "no longer among the rejected");
    }

    @Test
    @Verifies("SRS-APP-063")
    void aPemCertificateIsTrustedInTheGivenPkiDirectory() throws Exception {
        Path pem = dir.resolve("client.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(client.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Path pki = dir.resolve("elsewhere");
        CliRun trust = CliRun.of("trust", pem.toString(), "--pki-dir", pki.toString());
        assertEquals(0, trust.exitCode(), trust.err());
        assertTrue(Files.exists(pki.resolve("trusted").resolve("certs").resolve(TrustCommand.thumbprint(client) + ".der")));
        CliRun list = CliRun.of("trust", "--list", "--pki-dir", pki.toString());
        assertEquals("no rejected client certificates in " + pki.resolve("rejected").resolve("certs") + "\n", list.out());
    }

    @Test
    @Verifies("SRS-APP-063")
    void thePkiDirectoryOfTheConfigurationIsUsed() throws Exception {
        Path cert = dir.resolve("client.der");
        Files.write(cert, client.getEncoded());
        Path config = dir.resolve("galvani.yaml");
        Path pki = dir.resolve("configured-pki");
        Files.writeString(config, "opcua: {pkiDir: '" + pki + "'}\n");
        CliRun trust = CliRun.of("trust", cert.toString(), "--config", config.toString());
        assertEquals(0, trust.exitCode(), trust.err());
        assertTrue(Files.exists(pki.resolve("trusted").resolve("certs").resolve(TrustCommand.thumbprint(client) + ".der")));
    }

    @Test
    @Verifies("SRS-APP-063")
    void aMissingOrWrongFileIsAnErrorAndNothingIsTrusted() throws Exception {
        Path missing = dir.resolve("nope.der");
        CliRun none = CliRun.inDataDir(dir, "trust", missing.toString());
        assertEquals(1, none.exitCode());
        assertEquals("galvani trust: " + missing + ": no such file; nothing was trusted\n", none.err());

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        CliRun wrong = CliRun.inDataDir(dir, "trust", text.toString());
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().startsWith("galvani trust: " + text + ": not an X.509 certificate (DER or PEM)"),
                wrong.err());
        assertTrue(wrong.err().endsWith("; nothing was trusted\n"), wrong.err());

        CliRun directory = CliRun.inDataDir(dir, "trust", dir.toString());
        assertEquals(1, directory.exitCode());
        assertEquals("galvani trust: " + dir + ": no such file; nothing was trusted\n", directory.err());
        assertFalse(Files.exists(dir.resolve("pki")), "nothing trusted, no folder made");
    }

    @Test
    @Verifies("SRS-APP-063")
    void neitherOrBothOfFileAndListIsAUsageError() throws Exception {
        CliRun neither = CliRun.inDataDir(dir, "trust");
        assertEquals(2, neither.exitCode());
        assertTrue(neither.err().startsWith("give either CERT_FILE (the certificate to trust) or --list"), neither.err());
        Path cert = dir.resolve("client.der");
        Files.write(cert, client.getEncoded());
        CliRun both = CliRun.inDataDir(dir, "trust", cert.toString(), "--list");
        assertEquals(2, both.exitCode());
        assertFalse(Files.exists(trusted()), "nothing trusted");
    }
}
