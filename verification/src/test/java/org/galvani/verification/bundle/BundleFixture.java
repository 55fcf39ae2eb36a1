package org.galvani.verification.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small checkout with everything the bundle reads: two modules' test reports (one failing case), the
 * verification evidence, a trace matrix, a hazard report, three SBOMs (one SOUP component without supplier and
 * licence, one tool) and a checklist of three activities, one the product team's.
 */
final class BundleFixture {

    private BundleFixture() {
    }

    static Path write(Path root) throws IOException {
        file(root, "pom.xml", "<project/>");
        file(root, "README.md", "# fixture");
        for (String module : new String[] {"app", "safety-kernel", "verification", "hazard-analysis", "docs-only"}) {
            file(root, module + "/pom.xml", "<project/>");
        }
        file(root, "safety-kernel/target/surefire-reports/TEST-org.galvani.kernel.RampTest.xml",
                "<?xml version=\"1.0\"?><testsuite name=\"org.galvani.kernel.RampTest\" tests=\"5\" failures=\"1\" errors=\"0\""
                        + " skipped=\"1\"><testcase name=\"a\"/></testsuite>");
        file(root, "app/target/failsafe-reports/TEST-org.galvani.app.it.JarIT.xml",
                "<testsuite name=\"org.galvani.app.it.JarIT\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\"/>");
        file(root, "verification/target/surefire-reports/TEST-org.galvani.verification.architecture.ArchitectureRulesTest.xml",
                "<testsuite name=\"org.galvani.verification.architecture.ArchitectureRulesTest\" tests=\"7\" failures=\"0\""
                        + " errors=\"0\" skipped=\"0\"/>");
        Path evidence = root.resolve("verification/target/evidence");
        file(evidence, "proofs.json", "[\n{\"contract\": \"a\", \"class\": \"K\", \"closed\": true, \"nodes\": 5, \"millis\": 1500},\n"
                + "{\"contract\": \"b\", \"class\": \"K\", \"closed\": true, \"nodes\": 5, \"millis\": 1000}\n]");
        file(evidence, "canary.json", "[{\"contract\": \"c\", \"class\": \"C\", \"closed\": false, \"nodes\": 5, \"millis\": 100}]");
        file(evidence, "lemmas.json", "[{\"contract\": \"l\", \"class\": \"L\", \"closed\": true, \"nodes\": 5, \"millis\": 100}]");
        file(evidence, "mutation.json", "{\"scope\": \"k\", \"mutants\": 742, \"killed\": 697, \"score\": 0.9394, \"minimum\": 0.90,"
                + " \"notKilled\": [{\"status\": \"SURVIVED\"}]}");
        file(evidence, "coverage.json", "{\"scope\": \"k\", \"branchesCovered\": 499, \"branchesMissed\": 17,"
                + " \"branchCoverage\": 0.9671, \"minimum\": 0.95}");
        file(evidence, "fault-campaign.json", "[\n{\"fault\": \"detach\", \"parameter\": 0, \"phase\": \"RAMP_UP\", \"requiredState\":"
                + " \"CONTACT_LOST\", \"requiredWithinTicks\": 1, \"endState\": \"CONTACT_LOST\", \"ticksToEndState\": 1,"
                + " \"ticksToOutputOff\": 1, \"trueChargeAfterFaultMicroampMillis\": 998, \"passed\": true}\n]");
        file(evidence, "fault-campaign.md", "| fault |");
        file(evidence, "stateful.json", "{\"tries\": 100, \"runs\": 100, \"maxSteps\": 40, \"millis\": 900,"
                + " \"blindSensorTreatments\": 2, \"reaching\": {\"IDLE\": 1.0, \"FAULT\": 0.4300}, \"minimum\": {\"IDLE\": 1.0,"
                + " \"FAULT\": 0.2200}}");
        file(evidence, "trace/trace-matrix.html", "<!DOCTYPE html><title>m</title>");
        for (String name : new String[] {"trace-matrix.csv", "trace-matrix.reqif", "trace-gaps.txt"}) {
            file(evidence, "trace/" + name, "x");
        }
        file(evidence, "trace/trace-matrix.json", "{\"generated\": \"t\", \"passed\": true, \"summary\": {\"requirements\": 114,"
                + " \"verified\": 110, \"suspect\": 4, \"withGaps\": 0, \"hazards\": 38, \"controls\": 33, \"links\": 874,"
                + " \"testCases\": 1191, \"gaps\": 8, \"failures\": 0, \"warnings\": 8}, \"requirements\": []}");
        file(root, "hazard-analysis/target/evidence/hazard-report.html", "<!DOCTYPE html><title>h</title>");
        file(root, "hazard-analysis/target/evidence/hazards.json", "{}");
        file(root, "app/target/bom.json", bom(
                component("org.galvani", "galvani-safety-kernel", "0.1.0", "", "", "")
                + "," + component("org.slf4j", "slf4j-api", "2.0.17", "\"publisher\": \"QOS.ch\",",
                        "\"licenses\": [{\"license\": {\"id\": \"MIT\"}}],", "")
                + "," + component("info.picocli", "picocli", "4.7.7", "", "", "")));
        file(root, "safety-kernel/target/bom.json", bom(component("org.slf4j", "slf4j-api", "2.0.17", "", "", "")));
        file(root, "verification/target/bom.json", bom(component("org.slf4j", "slf4j-api", "2.0.17", "", "", "")
                + "," + component("org.key-project", "key.core", "2.12.3", "\"supplier\": {\"name\": \"KeY\"},",
                        "\"licenses\": [{\"expression\": \"GPL-2.0-only\"}],", "")));
        file(root, "verification/iec62304-checklist.yaml", """
                standard: IEC 62304 fixture
                activities:
                  - {clause: 5.1.1, title: Software development plan, owner: product-team, note: "theirs", artefacts: []}
                  - {clause: 5.3.1, title: Architecture, owner: galvani, note: "", artefacts: [repo:README.md, bundle:trace/trace-matrix.html]}
                  - {clause: "8.3", title: Configuration status accounting, owner: galvani, note: "", artefacts: [bundle:soup.csv]}
                """);
        return root;
    }

    static String bom(String components) {
        return "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": {\"tools\": {\"components\": [{\"name\":"
                + " \"CycloneDX Maven plugin\", \"version\": \"2.9.3\"}]}}, \"components\": [" + components + "]}";
    }

    static String component(String group, String name, String version, String supplier, String licences, String extra) {
        return "{\"type\": \"library\", \"group\": \"" + group + "\", \"name\": \"" + name + "\", \"version\": \"" + version + "\", "
                + supplier + licences + extra + "\"purl\": \"pkg:maven/" + group + "/" + name + "@" + version + "?type=jar\"}";
    }

    static void file(Path base, String path, String text) throws IOException {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
