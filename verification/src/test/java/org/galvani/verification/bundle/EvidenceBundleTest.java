package org.galvani.verification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {

    @TempDir
    Path dir;

    private Path evidence(Path root) {
        return root.resolve("verification/target/evidence");
    }

    @Test
    @Verifies("SRS-VER-010")
    void theIndexSummarisesEveryPartOfTheBuildAndEveryLinkResolves() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        EvidenceBundle.Result result = EvidenceBundle.write(root, evidence(root));
        String html = Files.readString(result.index());

        assertTrue(html.contains("<a href=\"trace/trace-matrix.html\">Traceability matrix</a>"), html);
        assertTrue(html.contains("<a href=\"hazard-report.html\">Hazard report</a>"), html);
        assertTrue(Files.isRegularFile(evidence(root).resolve("hazard-report.html")), "the hazard report is copied in");
        assertTrue(Files.isRegularFile(evidence(root).resolve("sbom/app-bom.json")));
        assertTrue(html.contains("Policy passed: 0 gaps fail the build, 8 warnings"), html);
        // tests per module: the failing case and the module without reports are marked
        assertTrue(html.contains("<tr class=\"gap\"><td>safety-kernel</td><td>surefire</td><td class=\"n\">1</td><td class=\"n\">5</td>"
                + "<td class=\"n\">3</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">1</td></tr>"), html);
        assertTrue(html.contains("<td>app</td><td>failsafe</td><td class=\"n\">1</td><td class=\"n\">2</td>"), html);
        assertTrue(html.contains("<tr class=\"gap\"><td>docs-only</td><td>no test reports</td>"), html);
        assertTrue(html.contains("100 runs of 100 tries, up to 40 steps each"), html);
        assertTrue(html.contains("<td>FAULT</td><td class=\"n\">43.0 %</td><td class=\"n\">22.0 %</td>"), html);
        assertTrue(html.contains("7 rules run, 0 failed"), html);
        assertTrue(html.contains("kernel contracts <span class=\"muted\">(every one must close)</span></td><td class=\"n\">2</td>"
                + "<td class=\"n\">2</td><td class=\"n\">2.5 s</td>"), html);
        assertTrue(html.contains("697 of 742 mutants killed, score <b>93.9 %</b>"), html);
        assertTrue(html.contains("<b>96.7 %</b> (minimum 95.0 %)"), html);
        assertTrue(html.contains("1 runs, <span class=\"ok\">all passed</span>"), html);
        assertTrue(html.contains("<td>RAMP_UP</td><td>CONTACT_LOST ≤ 1</td>"), html);
        assertTrue(result.notProduced().isEmpty(), result.notProduced().toString());
        assertTrue(result.links() > 20, "links checked: " + result.links());
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no external resource");
    }

    @Test
    @Verifies("SRS-VER-010")
    void evidenceTheBuildDidNotProduceIsShownAsSuch() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        Files.delete(evidence(root).resolve("proofs.json"));
        Files.delete(evidence(root).resolve("stateful.json"));
        Files.delete(root.resolve("hazard-analysis/target/evidence/hazard-report.html"));
        EvidenceBundle.Result result = EvidenceBundle.write(root, evidence(root));
        String html = Files.readString(result.index());
        assertTrue(html.contains("<td>kernel contracts</td><td colspan=\"4\" class=\"bad\">not produced by this build</td>"), html);
        assertTrue(html.contains("stateful.json: not produced by this build."), html);
        assertTrue(html.contains("Hazard report: <span class=\"bad\">not produced by this build</span>"), html);
        assertTrue(html.contains("<h2 id=\"not-produced\" class=\"bad\">Evidence not produced by this build</h2>"), html);
        assertEquals(3, result.notProduced().stream().filter(s -> s.contains("proofs.json") || s.contains("stateful.json")
                || s.contains("hazard-report.html")).count(), result.notProduced().toString());
    }

    @Test
    @Verifies("SRS-VER-011")
    void theSoupListShowsEveryThirdPartyComponentItsGapsAndTheToolsApart() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        EvidenceBundle.Result result = EvidenceBundle.write(root, evidence(root));
        assertEquals(2, result.soupComponents(), "slf4j-api and picocli; galvani's own modules are not SOUP");
        assertEquals(1, result.soupGaps());
        assertEquals(1, result.tools(), "key.core; slf4j-api is shipped, so SOUP and not a tool");
        String html = Files.readString(result.index());
        assertTrue(html.contains("<td>info.picocli:<b>picocli</b></td><td>4.7.7</td><td class=\"gap\">none in the SBOM</td>"
                + "<td class=\"gap\">none in the SBOM</td><td>app</td>"), html);
        assertTrue(html.contains("<td>org.slf4j:<b>slf4j-api</b></td><td>2.0.17</td><td>QOS.ch <span class=\"muted\">(publisher)"
                + "</span></td><td>MIT</td><td>safety-kernel, app</td>"), html);
        assertTrue(html.contains("1 without a supplier or a licence in the SBOM"), html);
        assertFalse(html.contains("galvani-safety-kernel"), html);

        List<String> csv = Files.readAllLines(evidence(root).resolve(EvidenceBundle.SOUP_CSV));
        assertEquals("kind,group,name,version,supplier,supplier_field,licences,used_by,purl,sha256,gap", csv.get(0));
        assertEquals("SOUP,info.picocli,picocli,4.7.7,,,,app,pkg:maven/info.picocli/picocli@4.7.7?type=jar,,"
                + "no supplier in the SBOM; no licence in the SBOM", csv.get(1));
        assertEquals("SOUP,org.slf4j,slf4j-api,2.0.17,QOS.ch,publisher,MIT,safety-kernel; app,"
                + "pkg:maven/org.slf4j/slf4j-api@2.0.17?type=jar,,", csv.get(2));
        assertEquals("tool (not SOUP),org.key-project,key.core,2.12.3,KeY,supplier,GPL-2.0-only,verification (test scope),"
                + "pkg:maven/org.key-project/key.core@2.12.3?type=jar,,", csv.get(3));
    }

    @Test
    @Verifies("SRS-VER-011")
    void aMissingSbomFailsTheBundle() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        Files.delete(root.resolve("app/target/bom.json"));
        BundleException e = assertThrows(BundleException.class, () -> EvidenceBundle.write(root, evidence(root)));
        assertTrue(e.getMessage().contains("app/target/bom.json: the CycloneDX SBOM is missing"), e.getMessage());
    }

    @Test
    @Verifies("SRS-VER-011")
    void offlineTheMissingSbomsAreShownAsNotProducedAndNoStaleListRemains() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        EvidenceBundle.write(root, evidence(root), true);
        assertTrue(Files.isRegularFile(evidence(root).resolve(EvidenceBundle.SOUP_CSV)));
        for (String sbom : SoupList.SBOMS.values()) {
            Files.delete(root.resolve(sbom));
        }
        EvidenceBundle.Result result = EvidenceBundle.write(root, evidence(root), true);
        String html = Files.readString(result.index());
        assertFalse(Files.exists(evidence(root).resolve(EvidenceBundle.SOUP_CSV)), "the last build's soup.csv is removed");
        assertFalse(Files.exists(evidence(root).resolve("sbom/app-bom.json")), "the last build's SBOMs are removed");
        assertTrue(html.contains("SOUP list: <span class=\"bad\">not produced by this build</span>"), html);
        assertTrue(html.contains("Not produced by this build: Maven ran offline, and cyclonedx-maven-plugin's makeBom requires"
                + " online mode"), html);
        assertTrue(html.contains("<span class=\"bad\">soup.csv (not produced by this build)</span>"), html);
        assertEquals(3, result.notProduced().stream().filter(s -> s.contains("Maven ran offline")).count());
        assertEquals(0, result.soupComponents());
    }

    @Test
    @Verifies("SRS-VER-012")
    void theChecklistIsRenderedWithTheProductTeamsItemsOpen() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        String html = Files.readString(EvidenceBundle.write(root, evidence(root)).index());
        assertTrue(html.contains("3 activities of clauses 5.1–5.8, 7, 8 and 9; 2 satisfied by Galvani's artefacts,"
                + " <span class=\"bad\">1 open: only the product team can satisfy them</span>"), html);
        assertTrue(html.contains("<tr class=\"item open\" data-owner=\"product-team\"><td>5.1.1</td><td>Software development plan"
                + "</td><td><b>product team: OPEN</b></td>"), html);
        assertTrue(html.contains("<a class=\"repo\" href=\"../../../README.md\">README.md &#8599;</a><br><a href=\"trace/trace-matrix.html\">"),
                html);
    }

    @Test
    @Verifies("SRS-VER-012")
    void aChecklistArtefactThatDoesNotExistFailsTheBundle() throws Exception {
        Path root = BundleFixture.write(dir.resolve("checkout"));
        Files.delete(root.resolve("README.md"));
        BundleException e = assertThrows(BundleException.class, () -> EvidenceBundle.write(root, evidence(root)));
        assertTrue(e.getMessage().contains("artefacts that do not exist: [5.3.1: repo:README.md]"), e.getMessage());
    }

    @Test
    @Verifies("SRS-VER-010")
    void theLinkCheckFindsMissingFilesExternalUrlsAndLinksLeavingTheBundle() throws Exception {
        Path root = dir.resolve("checkout");
        Path bundle = root.resolve("verification/target/evidence");
        BundleFixture.file(root, "README.md", "x");
        BundleFixture.file(bundle, "soup.csv", "x");
        BundleFixture.file(bundle, "index.html", "<a href=\"soup.csv#top\">ok</a> <a href=\"#soup\">anchor</a>"
                + " <a class=\"repo\" href=\"../../../README.md\">repo</a> <a href=\"missing.html\">missing</a>"
                + " <a href=\"https://example.org/x.js\">external</a> <img src=\"../../../README.md\">"
                + " <a class=\"repo\" href=\"../../../../outside.txt\">outside</a>");
        BundleFixture.file(dir, "outside.txt", "x");
        int[] checked = {0};
        List<String> problems = BundleLinks.check(bundle.resolve("index.html"), bundle, root, checked);
        assertEquals(6, checked[0]);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("missing.html: no such file"), problems.toString());
        assertTrue(problems.get(1).startsWith("https://example.org/x.js: not a relative link"), problems.toString());
        assertTrue(problems.get(2).startsWith("../../../README.md: outside the bundle folder"), problems.toString());
        assertTrue(problems.get(3).startsWith("../../../../outside.txt: outside the checkout"), problems.toString());
    }
}
