package org.galvani.app.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.galvani.app.config.ConfigOption;
import org.galvani.app.config.GalvaniConfig;
import org.galvani.app.ledger.DataDirOption;
import org.galvani.opcua.GatewayCertificates;
import org.galvani.trace.Implements;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code galvani trust}: trusts an OPC UA client certificate (the gateway rejects unknown ones and logs
 * where it kept them), or lists the rejected ones with their thumbprints. A running gateway picks a newly
 * trusted certificate up without a restart.
 */
@Command(name = "trust",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Trusts an OPC UA client certificate (DER or PEM), for example one the gateway rejected and"
                + " kept in <pki>/rejected/certs, by copying it into <pki>/trusted/certs; --list shows the rejected"
                + " ones with their SHA-1 thumbprints. <pki> is --pki-dir, else the configuration's opcua.pkiDir,"
                + " else <data directory>/pki.",
            "Exit code 0 when done, 1 when the file is missing, unreadable or not a certificate, 2 for bad options."})
@Implements("SRS-APP-063")
public final class TrustCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CERT_FILE",
            description = "The client certificate to trust (DER or PEM).")
    private Path certificate;

    @Option(names = "--list", description = "List the rejected client certificates instead.")
    private boolean list;

    @Option(names = "--pki-dir", paramLabel = "DIR", description = "The gateway's PKI directory.")
    private Path pkiDir;

    @Mixin
    private DataDirOption dataDir;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws IOException {
        if (list == (certificate != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either CERT_FILE (the certificate to trust) or --list");
        }
        Path pki = pki();
        return list ? list(pki) : trust(pki);
    }

    private Path pki() {
        if (pkiDir != null) {
            return pkiDir;
        }
        GalvaniConfig loaded = config.load();
        String configured = loaded.opcua().pkiDir();
        return configured != null ? Path.of(configured) : dataDir.resolve(loaded).resolve("pki");
    }

    private int trust(Path pki) throws IOException {
        if (!Files.isRegularFile(certificate)) {
            return fail(certificate + ": no such file; nothing was trusted");
        }
        if (!Files.isReadable(certificate)) {
            return fail(certificate + ": cannot be read; nothing was trusted");
        }
        Path trusted;
        try {
            trusted = GatewayCertificates.trust(pki, certificate);
        } catch (IOException e) {
            return fail(e.getMessage() + "; nothing was trusted");
        }
        X509Certificate read = read(trusted);
        spec.commandLine().getOut().println("trusted " + read.getSubjectX500Principal() + " (thumbprint "
                + thumbprint(read) + ") as " + trusted);
        return 0;
    }

    private int list(Path pki) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path rejected = pki.resolve("rejected").resolve("certs");
        List<Path> files;
        if (Files.isDirectory(rejected)) {
            try (Stream<Path> listed = Files.list(rejected)) {
                files = listed.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of();
        }
        if (files.isEmpty()) {
            out.println("no rejected client certificates in " + rejected);
            return 0;
        }
        out.println(files.size() + " rejected client certificate(s) in " + rejected
                + " (trust one with: galvani trust FILE):");
        for (Path file : files) {
            try {
                X509Certificate cert = read(file);
                out.println(file.getFileName() + "  thumbprint " + thumbprint(cert) + "  " + cert.getSubjectX500Principal());
            } catch (IOException e) {
                out.println(file.getFileName() + "  (not a certificate: " + e.getMessage() + ")");
            }
        }
        return 0;
    }

    /** The certificate in {@code file}, DER or PEM. */
    private static X509Certificate read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException(file + ": not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The SHA-1 thumbprint as OPC UA tools and the gateway's log show it: hex, upper case. */
    static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute a SHA-1 thumbprint: " + e.getMessage(), e);
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("galvani trust: " + message);
        return 1;
    }
}
