package org.galvani.verification.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.galvani.trace.Implements;

/**
 * Tests run, failed, erred and skipped per module and kind (Surefire, Failsafe), summed from every
 * {@code target/surefire-reports/TEST-*.xml} and {@code target/failsafe-reports/TEST-*.xml} of every module
 * (a directory under the root with a {@code pom.xml}). A module without reports is listed with none.
 */
@Implements("SRS-VER-010")
final class TestSummary {

    /** One report file's suite: its class name and counts. */
    record Suite(String module, String kind, String name, int tests, int failures, int errors, int skipped) {
    }

    /** The sums of one module and kind; {@code suites == 0} when the module has no such reports. */
    record Row(String module, String kind, int suites, int tests, int failures, int errors, int skipped) {
        int passed() {
            return tests - failures - errors - skipped;
        }
    }

    private final List<Suite> suites;
    private final List<String> modules;

    private TestSummary(List<Suite> suites, List<String> modules) {
        this.suites = List.copyOf(suites);
        this.modules = List.copyOf(modules);
    }

    static TestSummary read(Path root) {
        List<Suite> suites = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path module : children.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList()) {
                modules.add(module.getFileName().toString());
                for (String kind : List.of("surefire", "failsafe")) {
                    Path reports = module.resolve("target").resolve(kind + "-reports");
                    if (!Files.isDirectory(reports)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.list(reports)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList()) {
                            suites.add(suite(module.getFileName().toString(), kind, file));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new BundleException(root + ": cannot list the modules' test reports: " + e.getMessage(), e);
        }
        return new TestSummary(suites, modules);
    }

    private static Suite suite(String module, String kind, Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "testsuite".equals(xml.getLocalName())) {
                        return new Suite(module, kind, attribute(xml, "name"), count(xml, "tests", file),
                                count(xml, "failures", file), count(xml, "errors", file), count(xml, "skipped", file));
                    }
                }
            } finally {
                xml.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new BundleException(file + ": not a readable test report: " + e.getMessage(), e);
        }
        throw new BundleException(file + ": no <testsuite> element");
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static int count(XMLStreamReader xml, String name, Path file) {
        String value = attribute(xml, name);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BundleException(file + ":" + xml.getLocation().getLineNumber() + ": attribute " + name
                    + " is not a count: '" + value + "'", e);
        }
    }

    /** One row per module and kind with reports, and one (kind "none") per module without any. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String module : modules) {
            boolean any = false;
            for (String kind : List.of("surefire", "failsafe")) {
                List<Suite> of = suites.stream().filter(s -> s.module().equals(module) && s.kind().equals(kind)).toList();
                if (!of.isEmpty()) {
                    any = true;
                    rows.add(sum(module, kind, of));
                }
            }
            if (!any) {
                rows.add(new Row(module, "none", 0, 0, 0, 0, 0));
            }
        }
        return rows;
    }

    Row total() {
        return sum("all", "all", suites);
    }

    /** The suites of one module whose class name starts with the prefix (for example the architecture rules). */
    Row suitesOf(String module, String classPrefix) {
        return sum(module, "surefire", suites.stream()
                .filter(s -> s.module().equals(module) && s.name().startsWith(classPrefix)).toList());
    }

    private static Row sum(String module, String kind, List<Suite> of) {
        return new Row(module, kind, of.size(), of.stream().mapToInt(Suite::tests).sum(),
                of.stream().mapToInt(Suite::failures).sum(), of.stream().mapToInt(Suite::errors).sum(),
                of.stream().mapToInt(Suite::skipped).sum());
    }
}
