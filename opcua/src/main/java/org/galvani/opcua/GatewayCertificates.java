package org.galvani.opcua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's PKI directory: its own key and self-signed certificate ({@code pki/own/gateway.pfx},
 * created on first start), the clients it trusts ({@code pki/trusted/certs}) and the ones it rejected
 * ({@code pki/rejected/certs}). An unknown client certificate is rejected and the log names its subject,
 * its thumbprint and how to trust it; trusting takes effect without a restart.
 */
@Implements("SRS-OPC-014")
public final class GatewayCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCertificates.class);

    /** The application URI in the certificate and the server description. */
    public static final String APPLICATION_URI = "urn:galvani:opcua-gateway";

    private final Path pkiDir;
    private final FileBasedTrustListManager trustList;
    private final DefaultCertificateManager manager;
    private final X509Certificate certificate;
    private final KeyStoreCertificateStore store;

    private GatewayCertificates(Path pkiDir, FileBasedTrustListManager trustList, DefaultCertificateManager manager,
                                X509Certificate certificate, KeyStoreCertificateStore store) {
        this.pkiDir = pkiDir;
        this.trustList = trustList;
        this.manager = manager;
        this.certificate = certificate;
        this.store = store;
    }

    /** Opens (or creates) the PKI directory; the certificate names {@code hostnames} as DNS names or IPs. */
    static GatewayCertificates open(Path pkiDir, Set<String> hostnames) throws Exception {
        Files.createDirectories(pkiDir.resolve("own"));
        FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(pkiDir);
        FileBasedCertificateQuarantine quarantine = FileBasedCertificateQuarantine.create(rejectedDir(pkiDir));
        char[] password = keyStorePassword(pkiDir.resolve("own").resolve("keystore-password"));
        KeyStoreCertificateStore store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                pkiDir.resolve("own").resolve("gateway.pfx"), () -> password.clone(), alias -> password.clone()));
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                return new X509Certificate[] {selfSigned(keyPair, hostnames)};
            }
        };
        CertificateValidator validator = new NamingValidator(new DefaultServerCertificateValidator(trustList, quarantine),
                pkiDir);
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trustList, store, factory, validator);
        DefaultCertificateManager manager = new DefaultCertificateManager(quarantine, group);
        X509Certificate certificate = group.getCertificateEntries().get(0).certificateChain[0];
        return new GatewayCertificates(pkiDir, trustList, manager, certificate, store);
    }

    DefaultCertificateManager manager() {
        return manager;
    }

    /** The gateway's own certificate (clients trust it to verify the server). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Trusts a client certificate now (tests; the CLI uses {@link #trust(Path, Path)}). */
    public void trust(X509Certificate client) {
        trustList.addTrustedCertificate(client);
    }

    void close() {
        try {
            trustList.close();
            store.close();
        } catch (IOException e) {
            LOG.warn("closing the PKI directory {} failed", pkiDir, e);
        }
    }

    /**
     * Trusts the client certificate in {@code certificateFile} (DER or PEM; for example one from
     * {@code pki/rejected/certs}) by copying it into {@code pki/trusted/certs}. A running gateway picks it
     * up without a restart. Returns the trusted file. Throws naming the file when it is not a certificate.
     */
    public static Path trust(Path pkiDir, Path certificateFile) throws IOException {
        X509Certificate certificate;
        try {
            certificate = CertificateUtil.decodeCertificate(Files.readAllBytes(certificateFile));
        } catch (UaException e) {
            throw new IOException(certificateFile + ": not an X.509 certificate (DER or PEM): " + e.getMessage(), e);
        }
        Path trusted = pkiDir.resolve("trusted").resolve("certs");
        Files.createDirectories(trusted);
        Path target = trusted.resolve(thumbprint(certificate) + ".der");
        try {
            Files.write(target, certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(certificateFile + ": certificate cannot be encoded: " + e.getMessage(), e);
        }
        Path rejected = rejectedDir(pkiDir).resolve(certificateFile.getFileName());
        if (Files.exists(rejected) && Files.isSameFile(rejected, certificateFile)) {
            Files.delete(rejected);
        }
        LOG.info("trusted client certificate {} (thumbprint {}) in {}", certificate.getSubjectX500Principal(),
                thumbprint(certificate), target);
        return target;
    }

    /** The SHA-1 thumbprint as OPC UA tools show it: hex, upper case. */
    static String thumbprint(X509Certificate certificate) {
        try {
            byte[] bytes = CertificateUtil.thumbprint(certificate).bytesOrEmpty();
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (UaException e) {
            return "(no thumbprint: " + e.getMessage() + ")";
        }
    }

    private static Path rejectedDir(Path pkiDir) {
        return pkiDir.resolve("rejected").resolve("certs");
    }

    private static X509Certificate selfSigned(KeyPair keyPair, Set<String> hostnames) throws Exception {
        SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("Galvani OPC UA gateway")
                .setOrganization("Galvani")
                .setApplicationUri(APPLICATION_URI);
        for (String host : hostnames) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                builder.addIpAddress(host);
            } else {
                builder.addDnsName(host);
            }
        }
        return builder.build();
    }

    /** A random key-store password kept next to the key store, readable by the owner only. */
    private static char[] keyStorePassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warn("{}: cannot restrict permissions on this file system", file);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
    }

    /** The file in pki/rejected/certs holding {@code certificate} (Milo names it), or the folder. */
    private static Path keptAs(Path pkiDir, X509Certificate certificate) {
        Path rejected = rejectedDir(pkiDir);
        try (java.util.stream.Stream<Path> files = Files.list(rejected)) {
            byte[] encoded = certificate.getEncoded();
            return files.filter(file -> sameBytes(file, encoded)).findFirst().orElse(rejected);
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            return rejected;
        }
    }

    private static boolean sameBytes(Path file, byte[] encoded) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), encoded);
        } catch (IOException e) {
            return false;
        }
    }

    /** Milo rejects with a generic status and names nothing: say which certificate and how to trust it. */
    private static final class NamingValidator implements CertificateValidator {
        private final CertificateValidator delegate;
        private final Path pkiDir;

        NamingValidator(CertificateValidator delegate, Path pkiDir) {
            this.delegate = delegate;
            this.pkiDir = pkiDir;
        }

        @Override
        public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] hostnames)
                throws UaException {
            try {
                delegate.validateCertificateChain(chain, applicationUri, hostnames);
            } catch (UaException e) {
                X509Certificate client = chain.isEmpty() ? null : chain.get(0);
                String thumbprint = client == null ? "(none)" : thumbprint(client);
                LOG.warn("OPC UA client certificate rejected ({}): subject {}, thumbprint {}, kept as {}. To trust it:"
                                + " ./galvani trust <that file> (or move it to {})", e.getStatusCode(),
                        client == null ? "(none)" : AuditText.printable(client.getSubjectX500Principal().toString()),
                        thumbprint,
                        client == null ? "(nothing)" : keptAs(pkiDir, client), pkiDir.resolve("trusted").resolve("certs"));
                throw e;
            }
        }
    }
}
