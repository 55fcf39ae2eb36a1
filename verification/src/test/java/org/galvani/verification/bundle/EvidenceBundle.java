package org.galvani.verification.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.galvani.trace.Implements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence bundle: {@code index.html} in the verification module's evidence folder, one self-contained
 * offline page over everything the build put there (the traceability matrix, the KeY proofs, the stateful
 * property, mutation and coverage, the fault campaign), the hazard report (copied in, so the bundle is one
 * folder), the test results of every module, the SOUP list from the SBOMs ({@code soup.csv}, the SBOMs under
 * {@code sbom/}) and the IEC 62304 class C checklist. Evidence a build did not produce is shown as not
 * produced, never left out. After writing, every relative link of the page is checked.
 */
@Implements("SRS-VER-010")
public final class EvidenceBundle {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceBundle.class);

    public static final String INDEX = "index.html";
    public static final String SOUP_CSV = "soup.csv";

    /** Every file the bundle may hold (what the checklist's {@code bundle:} artefacts may name). */
    static final Set<String> FILES = Set.of(INDEX, SOUP_CSV, "hazard-report.html", "hazards.json",
            "sbom/app-bom.json", "sbom/safety-kernel-bom.json", "sbom/tools-bom.json",
            "trace/trace-matrix.html", "trace/trace-matrix.csv", "trace/trace-matrix.json", "trace/trace-matrix.reqif",
            "trace/trace-gaps.txt", "proofs.json", "canary.json", "lemmas.json", "coverage.json", "mutation.json",
            "fault-campaign.json", "fault-campaign.md", "stateful.json");

    private final Path root;
    private final Path out;
    private final boolean offline;
    private final List<String> notProduced = new ArrayList<>();
    private final StringBuilder html = new StringBuilder();

    private EvidenceBundle(Path root, Path out, boolean offline) {
        this.root = root.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
        this.offline = offline;
    }

    /** The outcome: the page, how many links it has (all checked), the SOUP gaps, the evidence not produced. */
    public record Result(Path index, int links, int soupComponents, int soupGaps, int tools, List<String> notProduced) {
    }

    /**
     * Writes the bundle into {@code out} (the verification module's {@code target/evidence}) from the checkout
     * at {@code root}.
     *
     * @throws BundleException when an SBOM or the checklist is missing or invalid, a checklist artefact does not
     *                         exist, or a link of the page does not resolve
     */
    public static Result write(Path root, Path out) {
        return write(root, out, false);
    }

    /**
     * As {@link #write(Path, Path)}; when Maven ran {@code offline}, cyclonedx-maven-plugin's makeBom (which
     * requires online mode) skipped itself, and missing SBOMs are shown as not produced instead of failing.
     */
    public static Result write(Path root, Path out, boolean offline) {
        return new EvidenceBundle(root, out, offline).write();
    }

    private Result write() {
        try {
            Files.createDirectories(out.resolve("sbom"));
            // The bundle's own files from an earlier build must not pass for this build's.
            for (String file : List.of(INDEX, SOUP_CSV, "hazard-report.html", "hazards.json")) {
                Files.deleteIfExists(out.resolve(file));
            }
            for (String file : SoupList.SBOMS.keySet()) {
                Files.deleteIfExists(out.resolve("sbom").resolve(file));
            }
        } catch (IOException e) {
            throw new BundleException(out + ": cannot be prepared: " + e.getMessage(), e);
        }
        Iec62304Checklist checklist = Iec62304Checklist.read(root.resolve(Iec62304Checklist.FILE));
        List<String> missing = checklist.missingArtefacts(root, FILES);
        if (!missing.isEmpty()) {
            throw new BundleException(root.resolve(Iec62304Checklist.FILE) + ": artefacts that do not exist: " + missing);
        }
        List<String> missingSboms = SoupList.missing(root);
        SoupList soup = null;
        if (missingSboms.isEmpty() || !offline) {
            soup = SoupList.read(root);
            for (Map.Entry<String, String> sbom : SoupList.SBOMS.entrySet()) {
                copy(root.resolve(sbom.getValue()), out.resolve("sbom").resolve(sbom.getKey()));
            }
            soup.writeCsv(out.resolve(SOUP_CSV));
        } else {
            missingSboms.forEach(path -> notProduced.add(path + " (Maven ran offline: cyclonedx-maven-plugin's makeBom"
                    + " requires online mode and skipped itself)"));
        }
        Path hazards = root.resolve("hazard-analysis/target/evidence");
        for (String file : List.of("hazard-report.html", "hazards.json")) {
            if (Files.isRegularFile(hazards.resolve(file))) {
                copy(hazards.resolve(file), out.resolve(file));
            } else {
                notProduced.add(file + " (hazard-analysis/target/evidence/" + file + ")");
            }
        }
        TestSummary tests = TestSummary.read(root);

        head();
        links();
        traceVerdict();
        verification(tests);
        soup(soup);
        checklist(checklist);
        foot();
        Path index = out.resolve(INDEX);
        try {
            Files.writeString(index, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleException(index + ": cannot be written: " + e.getMessage(), e);
        }
        int[] checked = {0};
        List<String> problems = BundleLinks.check(index, out, root, checked);
        if (!problems.isEmpty()) {
            throw new BundleException(index + ": links that do not resolve:\n  " + String.join("\n  ", problems));
        }
        for (String item : notProduced) {
            LOG.warn("evidence bundle: not produced by this build: {}", item);
        }
        if (soup == null) {
            LOG.warn("evidence bundle: no SOUP list in this bundle: Maven ran offline and makeBom skipped itself; build"
                    + " online (as CI does) for the SOUP list");
        } else {
            for (SoupList.Component c : soup.gaps()) {
                LOG.warn("evidence bundle: SOUP {}:{}:{}: {}", c.group(), c.name(), c.version(), SoupList.gap(c));
            }
        }
        int components = soup == null ? 0 : soup.soup().size();
        int gaps = soup == null ? 0 : soup.gaps().size();
        int tools = soup == null ? 0 : soup.tools().size();
        LOG.info("evidence bundle: {} ({} links checked; {} SOUP components, {} with a gap; {} tools; {} checklist"
                        + " activities, {} the product team's)", index, checked[0], components, gaps, tools,
                checklist.activities().size(), checklist.productTeamItems().size());
        return new Result(index, checked[0], components, gaps, tools, List.copyOf(notProduced));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BundleException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- sections

    private void head() {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Galvani evidence bundle</title>\n")
                .append("<style>body{font:14px/1.4 sans-serif;margin:1.5em;max-width:1300px}table{border-collapse:collapse;margin:.5em 0 1em}")
                .append("th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}th{background:#eee}")
                .append("td.n{text-align:right}.ok{color:#060}.bad{color:#b00;font-weight:bold}.gap{background:#fdd}")
                .append(".open{background:#fff3cd}.muted{color:#666}code{font-size:12px}</style>\n")
                // Registered first, so that an error in any later script is recorded by the self-check.
                .append("<script>window.bundleErrors=[];window.onerror=function(m){window.bundleErrors.push(String(m));};</script>\n")
                .append("</head><body>\n")
                .append("<h1>Galvani evidence bundle</h1>\n<p class=\"muted\">Generated ").append(Instant.now())
                .append(" by the verification module's verify phase from ").append(esc(root.toString()))
                .append(". Works offline; the bundle is this folder. Links marked &#8599; open a file of the checkout.</p>\n")
                .append("<p id=\"selfcheck\">SELFCHECK NOT RUN (open this page with #selfcheck)</p>\n");
    }

    private void links() {
        html.append("<h2 id=\"contents\">Contents</h2><ul>\n");
        link("trace/trace-matrix.html", "Traceability matrix", "hazard → control → requirement → code → tests → results;"
                + " also <a href=\"trace/trace-matrix.csv\">CSV</a>, <a href=\"trace/trace-matrix.json\">JSON</a>,"
                + " <a href=\"trace/trace-matrix.reqif\">ReqIF 1.2</a>, <a href=\"trace/trace-gaps.txt\">gaps</a>");
        link("hazard-report.html", "Hazard report", "ISO 14971 register, risk matrix before and after control, open items;"
                + " <a href=\"hazards.json\">hazards.json</a>");
        html.append("<li><a href=\"#verification\">Verification summary</a>: tests, stateful property, architecture rules,"
                + " KeY proofs, mutation and coverage, fault campaign</li>\n");
        if (Files.isRegularFile(out.resolve(SOUP_CSV))) {
            link(SOUP_CSV, "SOUP list", "IEC 62304 §8.1.2, from the CycloneDX SBOMs <a href=\"sbom/app-bom.json\">app</a>,"
                    + " <a href=\"sbom/safety-kernel-bom.json\">safety-kernel</a>, <a href=\"sbom/tools-bom.json\">tools</a>;"
                    + " <a href=\"#soup\">table</a>");
        } else {
            html.append("<li class=\"gap\">SOUP list: <span class=\"bad\">not produced by this build</span> (<a href=\"#soup\">why</a>)</li>\n");
        }
        html.append("<li><a href=\"#checklist\">IEC 62304 class C checklist</a></li>\n</ul>\n");
    }

    private void link(String file, String title, String what) {
        if (Files.isRegularFile(out.resolve(file))) {
            html.append("<li><a href=\"").append(file).append("\">").append(title).append("</a>: ").append(what).append("</li>\n");
        } else {
            if (notProduced.stream().noneMatch(item -> item.startsWith(file))) {
                notProduced.add(file);
            }
            html.append("<li class=\"gap\">").append(title).append(": <span class=\"bad\">not produced by this build</span> (")
                    .append(file).append(")</li>\n");
        }
    }

    private void traceVerdict() {
        html.append("<h2 id=\"trace\">Trace verdict</h2>\n");
        Path json = out.resolve("trace/trace-matrix.json");
        if (!Files.isRegularFile(json)) {
            notProduced.add("trace/trace-matrix.json");
            html.append("<p class=\"bad\">No traceability matrix in this build.</p>\n");
            return;
        }
        Map<String, Object> matrix = JsonFiles.object(json);
        Map<String, Object> s = JsonFiles.map(matrix.get("summary"));
        boolean passed = Boolean.TRUE.equals(matrix.get("passed"));
        html.append("<p class=\"").append(passed ? "ok" : "bad").append("\">Policy ").append(passed ? "passed" : "FAILED")
                .append(": ").append(s.get("failures")).append(" gaps fail the build, ").append(s.get("warnings"))
                .append(" warnings (<a href=\"trace/trace-gaps.txt\">every gap</a>).</p>\n<table><tr>");
        List<String> keys = List.of("requirements", "verified", "suspect", "withGaps", "hazards", "controls", "links",
                "testCases", "gaps", "failures", "warnings");
        keys.forEach(k -> html.append("<th>").append(k).append("</th>"));
        html.append("</tr><tr>");
        keys.forEach(k -> html.append("<td class=\"n\">").append(esc(JsonFiles.text(s.get(k)))).append("</td>"));
        html.append("</tr></table>\n");
    }

    private void verification(TestSummary tests) {
        html.append("<h2 id=\"verification\">Verification summary</h2>\n<h3>Tests per module</h3>\n")
                .append("<table id=\"tests\"><tr><th>module</th><th>reports</th><th>suites</th><th>tests</th><th>passed</th>")
                .append("<th>failed</th><th>errors</th><th>skipped</th></tr>\n");
        for (TestSummary.Row row : tests.rows()) {
            testRow(row, row.module(), row.kind());
        }
        TestSummary.Row total = tests.total();
        testRow(total, "<b>all</b>", "");
        html.append("</table>\n");

        html.append("<h3>Stateful property (kernel + sim)</h3>\n");
        Path stateful = out.resolve("stateful.json");
        if (present(stateful)) {
            Map<String, Object> s = JsonFiles.object(stateful);
            html.append("<p>").append(s.get("runs")).append(" runs of ").append(s.get("tries")).append(" tries, up to ")
                    .append(s.get("maxSteps")).append(" steps each, in ").append(s.get("millis")).append(" ms; ")
                    .append(s.get("blindSensorTreatments")).append(" treatments with a runaway behind a blind sensor.</p>\n")
                    .append("<table><tr><th>state</th><th>runs reaching it</th><th>minimum</th></tr>\n");
            Map<String, Object> minimum = JsonFiles.map(s.get("minimum"));
            for (Map.Entry<String, Object> e : JsonFiles.map(s.get("reaching")).entrySet()) {
                double share = JsonFiles.decimal(e.getValue());
                double min = JsonFiles.decimal(minimum.get(e.getKey()));
                html.append("<tr").append(share < min ? " class=\"gap\"" : "").append("><td>").append(esc(e.getKey()))
                        .append("</td><td class=\"n\">").append(percent(share)).append("</td><td class=\"n\">")
                        .append(percent(min)).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        html.append("<h3>Architecture rules</h3>\n");
        TestSummary.Row rules = tests.suitesOf("verification", "org.galvani.verification.architecture.ArchitectureRulesTest");
        TestSummary.Row canFail = tests.suitesOf("verification", "org.galvani.verification.architecture.ArchitectureRulesCanFailTest");
        if (rules.suites() == 0) {
            notProduced.add("architecture rules' test report");
            html.append("<p class=\"bad\">Not run in this build.</p>\n");
        } else {
            html.append("<p>").append(rules.tests()).append(" rules run, ").append(rules.failures() + rules.errors())
                    .append(" failed, ").append(rules.skipped()).append(" skipped; ").append(canFail.tests())
                    .append(" checks that the rules fail on fixtures with a violation, ").append(canFail.failures() + canFail.errors())
                    .append(" failed.</p>\n");
        }

        html.append("<h3>KeY proofs of the kernel's JML contracts</h3>\n<table><tr><th>set</th><th>closed</th><th>total</th>")
                .append("<th>time</th><th>file</th></tr>\n");
        proofRow("kernel contracts", "proofs.json", "every one must close");
        proofRow("canary", "canary.json", "wrong contracts must stay open, true ones close");
        proofRow("hint lemmas", "lemmas.json", "every one must close");
        html.append("</table>\n");

        html.append("<h3>Mutation score and branch coverage (kernel core)</h3>\n");
        Path mutation = out.resolve("mutation.json");
        Path coverage = out.resolve("coverage.json");
        if (present(mutation)) {
            Map<String, Object> m = JsonFiles.object(mutation);
            html.append("<p>PIT: ").append(m.get("killed")).append(" of ").append(m.get("mutants")).append(" mutants killed, score <b>")
                    .append(percent(JsonFiles.decimal(m.get("score")))).append("</b> (minimum ")
                    .append(percent(JsonFiles.decimal(m.get("minimum")))).append("); ")
                    .append(JsonFiles.list(m.get("notKilled")).size()).append(" not killed, listed in <a href=\"mutation.json\">mutation.json</a>.</p>\n");
        }
        if (present(coverage)) {
            Map<String, Object> c = JsonFiles.object(coverage);
            html.append("<p>JaCoCo: ").append(c.get("branchesCovered")).append(" branches covered, ").append(c.get("branchesMissed"))
                    .append(" missed: <b>").append(percent(JsonFiles.decimal(c.get("branchCoverage")))).append("</b> (minimum ")
                    .append(percent(JsonFiles.decimal(c.get("minimum")))).append("); <a href=\"coverage.json\">coverage.json</a>.</p>\n");
        }

        html.append("<h3>Fault campaign</h3>\n");
        Path campaign = out.resolve("fault-campaign.json");
        if (present(campaign)) {
            List<Map<String, Object>> runs = JsonFiles.array(campaign);
            long failed = runs.stream().filter(r -> !Boolean.TRUE.equals(r.get("passed"))).count();
            html.append("<p>").append(runs.size()).append(" runs, ").append(failed == 0 ? "<span class=\"ok\">all passed</span>"
                    : "<span class=\"bad\">" + failed + " failed</span>").append(" (<a href=\"fault-campaign.md\">table</a>,")
                    .append(" <a href=\"fault-campaign.json\">JSON</a>).</p>\n<table id=\"campaign\"><tr><th>fault</th><th>phase</th>")
                    .append("<th>required</th><th>end state</th><th>ticks to end state</th><th>ticks to output off</th>")
                    .append("<th>charge after fault (µA·ms)</th><th>verdict</th></tr>\n");
            for (Map<String, Object> r : runs) {
                boolean ok = Boolean.TRUE.equals(r.get("passed"));
                html.append("<tr").append(ok ? "" : " class=\"gap\"").append("><td>").append(esc(JsonFiles.text(r.get("fault"))))
                        .append("</td><td>").append(esc(JsonFiles.text(r.get("phase")))).append("</td><td>")
                        .append(esc(JsonFiles.text(r.get("requiredState")))).append(" ≤ ").append(esc(JsonFiles.text(r.get("requiredWithinTicks"))))
                        .append("</td><td>").append(esc(JsonFiles.text(r.get("endState")))).append("</td><td class=\"n\">")
                        .append(esc(JsonFiles.text(r.get("ticksToEndState")))).append("</td><td class=\"n\">")
                        .append(esc(JsonFiles.text(r.get("ticksToOutputOff")))).append("</td><td class=\"n\">")
                        .append(esc(JsonFiles.text(r.get("trueChargeAfterFaultMicroampMillis")))).append("</td><td class=\"")
                        .append(ok ? "ok\">passed" : "bad\">FAILED").append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private void testRow(TestSummary.Row row, String module, String kind) {
        boolean bad = row.failures() + row.errors() > 0 || row.suites() == 0;
        html.append("<tr").append(bad ? " class=\"gap\"" : "").append("><td>").append(module.startsWith("<") ? module : esc(module))
                .append("</td><td>").append(row.suites() == 0 && !"".equals(kind) ? "no test reports" : esc(kind)).append("</td>");
        for (int n : new int[] {row.suites(), row.tests(), row.passed(), row.failures(), row.errors(), row.skipped()}) {
            html.append("<td class=\"n\">").append(n).append("</td>");
        }
        html.append("</tr>\n");
    }

    private void proofRow(String set, String file, String rule) {
        Path path = out.resolve(file);
        if (!present(path)) {
            html.append("<tr class=\"gap\"><td>").append(set).append("</td><td colspan=\"4\" class=\"bad\">not produced by this build</td></tr>\n");
            return;
        }
        List<Map<String, Object>> proofs = JsonFiles.array(path);
        long closed = proofs.stream().filter(p -> Boolean.TRUE.equals(p.get("closed"))).count();
        long millis = proofs.stream().mapToLong(p -> JsonFiles.number(p.get("millis"))).sum();
        html.append("<tr><td>").append(set).append(" <span class=\"muted\">(").append(rule).append(")</span></td><td class=\"n\">")
                .append(closed).append("</td><td class=\"n\">").append(proofs.size()).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%.1f s", millis / 1000.0)).append("</td><td><a href=\"").append(file)
                .append("\">").append(file).append("</a></td></tr>\n");
    }

    private boolean present(Path file) {
        if (Files.isRegularFile(file)) {
            return true;
        }
        notProduced.add(out.relativize(file).toString());
        html.append("<p class=\"bad\">").append(esc(out.relativize(file).toString())).append(": not produced by this build.</p>\n");
        return false;
    }

    private void soup(SoupList soup) {
        if (soup == null) {
            html.append("<h2 id=\"soup\">SOUP list (IEC 62304 §8.1.2)</h2>\n<p class=\"bad gap\">Not produced by this build:")
                    .append(" Maven ran offline, and cyclonedx-maven-plugin's makeBom requires online mode and skipped itself,")
                    .append(" so there is no SBOM of this build. Build online (mvn -B verify, as CI does) for the SOUP list.</p>\n");
            return;
        }
        html.append("<h2 id=\"soup\">SOUP list (IEC 62304 §8.1.2)</h2>\n<p>Every third-party component of the shipped app and the")
                .append(" kernel, from the CycloneDX SBOM of this build (").append(esc(soup.generator())).append("; compile and runtime")
                .append(" scope; Galvani's own modules are not SOUP). ").append(soup.soup().size()).append(" components, ");
        List<SoupList.Component> gaps = soup.gaps();
        html.append(gaps.isEmpty() ? "<span class=\"ok\">none without supplier or licence</span>"
                : "<span class=\"bad\">" + gaps.size() + " without a supplier or a licence in the SBOM</span> (to be completed by"
                + " the product team from the component's own documentation)").append(". Also as <a href=\"soup.csv\">soup.csv</a>.</p>\n");
        componentTable("soup-table", soup.soup(), true);
        html.append("<h3>Tools, not SOUP</h3>\n<p>Test and verification tools of the build (the verification module's test scope):")
                .append(" they are not part of the device software. ").append(soup.tools().size()).append(" components. Maven plugins")
                .append(" (PIT, JaCoCo, CycloneDX, Surefire) are build tools pinned in the parent pom and not in the SBOM.</p>\n");
        componentTable("tools-table", soup.tools(), false);
    }

    private void componentTable(String id, List<SoupList.Component> components, boolean soup) {
        html.append("<table id=\"").append(id).append("\"><tr><th>name</th><th>version</th><th>supplier</th><th>licence</th>")
                .append(soup ? "<th>used by</th>" : "").append("<th>package URL</th></tr>\n");
        for (SoupList.Component c : components) {
            html.append("<tr><td>").append(esc(c.group())).append(":<b>").append(esc(c.name())).append("</b></td><td>")
                    .append(esc(c.version())).append("</td>");
            if (c.missingSupplier()) {
                html.append("<td class=\"gap\">none in the SBOM</td>");
            } else {
                html.append("<td>").append(esc(c.supplier())).append(" <span class=\"muted\">(").append(c.supplierField()).append(")</span></td>");
            }
            html.append(c.missingLicence() ? "<td class=\"gap\">none in the SBOM</td>"
                    : "<td>" + esc(String.join(", ", c.licences())) + "</td>");
            if (soup) {
                html.append("<td>").append(c.inKernel() ? "safety-kernel, app" : "app").append("</td>");
            }
            html.append("<td><code>").append(esc(c.purl())).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void checklist(Iec62304Checklist checklist) {
        int open = checklist.productTeamItems().size();
        html.append("<h2 id=\"checklist\">IEC 62304 class C checklist</h2>\n<p>").append(esc(checklist.standard())).append(": ")
                .append(checklist.activities().size()).append(" activities of clauses 5.1–5.8, 7, 8 and 9; ")
                .append(checklist.activities().size() - open).append(" satisfied by Galvani's artefacts, <span class=\"bad\">")
                .append(open).append(" open: only the product team can satisfy them</span>. Source: <a class=\"repo\" href=\"")
                .append(repoHref(Iec62304Checklist.FILE)).append("\">").append(Iec62304Checklist.FILE).append(" &#8599;</a>.</p>\n")
                .append("<p><label><input type=\"checkbox\" id=\"only-open\"> show only the product team's open items</label>")
                .append(" <span id=\"shown\"></span></p>\n<table id=\"checklist-table\" data-open=\"").append(open)
                .append("\" data-total=\"").append(checklist.activities().size()).append("\"><tr><th>clause</th><th>activity</th>")
                .append("<th>who</th><th>artefacts</th><th>note</th></tr>\n");
        for (Iec62304Checklist.Activity a : checklist.activities()) {
            boolean team = a.owner() == Iec62304Checklist.Owner.PRODUCT_TEAM;
            html.append("<tr class=\"item").append(team ? " open" : "").append("\" data-owner=\"").append(a.owner().key)
                    .append("\"><td>").append(esc(a.clause())).append("</td><td>").append(esc(a.title())).append("</td><td>")
                    .append(team ? "<b>product team: OPEN</b>" : "Galvani").append("</td><td>");
            List<String> cells = new ArrayList<>();
            for (String artefact : new LinkedHashSet<>(a.artefacts())) {
                if (artefact.startsWith(Iec62304Checklist.BUNDLE)) {
                    String file = artefact.substring(Iec62304Checklist.BUNDLE.length());
                    cells.add(Files.exists(out.resolve(file)) ? "<a href=\"" + esc(file) + "\">" + esc(file) + "</a>"
                            : "<span class=\"bad\">" + esc(file) + " (not produced by this build)</span>");
                } else {
                    String file = artefact.substring(Iec62304Checklist.REPO.length());
                    cells.add("<a class=\"repo\" href=\"" + esc(repoHref(file)) + "\">" + esc(file) + " &#8599;</a>");
                }
            }
            html.append(cells.isEmpty() ? "<span class=\"muted\">none in Galvani</span>" : String.join("<br>", cells))
                    .append("</td><td>").append(esc(a.note())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** A relative link from the bundle folder to a file of the checkout. */
    private String repoHref(String pathFromRoot) {
        return out.relativize(root).toString().replace('\\', '/') + "/" + pathFromRoot;
    }

    private void foot() {
        if (!notProduced.isEmpty()) {
            html.append("<h2 id=\"not-produced\" class=\"bad\">Evidence not produced by this build</h2><ul>\n");
            notProduced.forEach(item -> html.append("<li>").append(esc(item)).append("</li>\n"));
            html.append("</ul>\n");
        }
        // The self-check, when opened with #selfcheck: records script errors, exercises the checklist filter and
        // compares the rows shown with the counts written into the table; writes its verdict into #selfcheck.
        html.append("<script>\n(function(){\nvar errors=window.bundleErrors;\n")
                .append("var table=document.getElementById('checklist-table');var box=document.getElementById('only-open');\n")
                .append("function apply(){var shown=0;var rows=table.querySelectorAll('tr.item');for(var i=0;i<rows.length;i++){")
                .append("var r=rows[i];r.hidden=box.checked&&r.getAttribute('data-owner')!=='product-team';if(!r.hidden)shown++;}")
                .append("document.getElementById('shown').textContent=shown+' of '+rows.length+' shown';return shown;}\n")
                .append("box.addEventListener('change',apply);apply();\n")
                .append("if(location.hash==='#selfcheck'){setTimeout(function(){var problems=[];")
                .append("var total=+table.getAttribute('data-total'),open=+table.getAttribute('data-open');")
                .append("box.checked=true;var a=apply();if(a!==open)problems.push('open filter: '+a+' rows shown, expected '+open);")
                .append("box.checked=false;var b=apply();if(b!==total)problems.push('all: '+b+' rows shown, expected '+total);")
                .append("var links=document.querySelectorAll('a[href]').length;")
                .append("var ok=problems.length===0&&errors.length===0;")
                .append("document.getElementById('selfcheck').textContent='SELFCHECK '+(ok?'PASS':'FAIL')+' links='+links+' errors='+errors.length")
                .append("+(problems.length?' problems: '+problems.join('; '):'')+(errors.length?' script errors: '+errors.join('; '):'');},0);}\n")
                .append("})();\n</script>\n</body></html>\n");
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "?" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    static String esc(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
