package org.galvani.verification.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.galvani.trace.Implements;

/**
 * The SOUP list (IEC 62304 §8.1.2) from the CycloneDX SBOMs of the build: every third-party component of the
 * shipped app ({@code app/target/bom.json}: compile and runtime scope, which includes everything the kernel
 * brings) with name, version, supplier and licence, and which of them the kernel itself brings
 * ({@code safety-kernel/target/bom.json}). Galvani's own modules ({@code org.galvani}) are not SOUP. The
 * components that only the verification's test scope brings ({@code verification/target/bom.json}, made with
 * {@code includeTestScope}) are listed apart as tools, not SOUP. A supplier or licence the SBOM does not
 * state is left empty and reported as a gap, never filled in by hand.
 */
@Implements("SRS-VER-011")
final class SoupList {

    static final String OWN_GROUP = "org.galvani";

    /** The SBOMs read, by their name in the bundle's {@code sbom/} folder and their path from the root. */
    static final Map<String, String> SBOMS = Map.of(
            "app-bom.json", "app/target/bom.json",
            "safety-kernel-bom.json", "safety-kernel/target/bom.json",
            "tools-bom.json", "verification/target/bom.json");

    /**
     * One component.
     *
     * @param supplierField the SBOM field the supplier was taken from ({@code supplier}, {@code manufacturer},
     *                      {@code publisher}, {@code authors}), empty when none states it
     * @param inKernel      whether the kernel's own SBOM has it
     */
    record Component(String group, String name, String version, String supplier, String supplierField,
                     List<String> licences, String purl, String sha256, boolean inKernel) {

        boolean missingSupplier() {
            return supplier.isEmpty();
        }

        boolean missingLicence() {
            return licences.isEmpty();
        }
    }

    private final List<Component> soup;
    private final List<Component> tools;
    private final String generator;

    private SoupList(List<Component> soup, List<Component> tools, String generator) {
        this.soup = List.copyOf(soup);
        this.tools = List.copyOf(tools);
        this.generator = generator;
    }

    /** The SBOMs that do not exist under the root (paths from the root). */
    static List<String> missing(Path root) {
        return SBOMS.values().stream().sorted().filter(path -> !Files.isRegularFile(root.resolve(path))).toList();
    }

    /** Reads the three SBOMs under the root; fails naming any that is missing (the build makes them in package). */
    static SoupList read(Path root) {
        for (String path : missing(root)) {
            throw new BundleException(root.resolve(path) + ": the CycloneDX SBOM is missing; it is made by"
                    + " cyclonedx-maven-plugin's makeBom in that module's package phase (mvn -B verify builds it;"
                    + " makeBom requires online mode)");
        }
        Map<String, Object> app = JsonFiles.object(root.resolve(SBOMS.get("app-bom.json")));
        Set<String> kernel = new TreeSet<>();
        for (Component c : components(JsonFiles.object(root.resolve(SBOMS.get("safety-kernel-bom.json"))), Set.of())) {
            kernel.add(c.purl());
        }
        List<Component> soup = components(app, kernel);
        Set<String> shipped = new TreeSet<>();
        soup.forEach(c -> shipped.add(c.purl()));
        List<Component> tools = components(JsonFiles.object(root.resolve(SBOMS.get("tools-bom.json"))), Set.of())
                .stream().filter(c -> !shipped.contains(c.purl())).toList();
        Map<String, Object> tool = JsonFiles.map(JsonFiles.list(JsonFiles.map(JsonFiles.map(app.get("metadata"))
                .get("tools")).get("components")).stream().findFirst().orElse(null));
        String generator = (JsonFiles.text(tool.get("name")) + " " + JsonFiles.text(tool.get("version"))).trim();
        return new SoupList(soup, tools, "CycloneDX " + JsonFiles.text(app.get("specVersion"))
                + (generator.isEmpty() ? "" : ", " + generator));
    }

    private static List<Component> components(Map<String, Object> bom, Set<String> kernel) {
        Map<String, Component> byPurl = new LinkedHashMap<>();
        for (Object raw : JsonFiles.list(bom.get("components"))) {
            Map<String, Object> c = JsonFiles.map(raw);
            String group = JsonFiles.text(c.get("group"));
            if (group.equals(OWN_GROUP) || group.startsWith(OWN_GROUP + ".")) {
                continue;
            }
            String purl = JsonFiles.text(c.get("purl"));
            String[] supplier = supplier(c);
            byPurl.putIfAbsent(purl, new Component(group, JsonFiles.text(c.get("name")), JsonFiles.text(c.get("version")),
                    supplier[0], supplier[1], licences(c), purl, sha256(c), kernel.contains(purl)));
        }
        List<Component> list = new ArrayList<>(byPurl.values());
        list.sort(Comparator.comparing(Component::group).thenComparing(Component::name).thenComparing(Component::version));
        return list;
    }

    private static String[] supplier(Map<String, Object> c) {
        for (String field : List.of("supplier", "manufacturer")) {
            String name = JsonFiles.text(JsonFiles.map(c.get(field)).get("name")).trim();
            if (!name.isEmpty()) {
                return new String[] {name, field};
            }
        }
        String publisher = JsonFiles.text(c.get("publisher")).trim();
        if (!publisher.isEmpty()) {
            return new String[] {publisher, "publisher"};
        }
        List<String> authors = new ArrayList<>();
        for (Object author : JsonFiles.list(c.get("authors"))) {
            String name = JsonFiles.text(JsonFiles.map(author).get("name")).trim();
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        return authors.isEmpty() ? new String[] {"", ""} : new String[] {String.join(", ", authors), "authors"};
    }

    private static List<String> licences(Map<String, Object> c) {
        List<String> licences = new ArrayList<>();
        for (Object raw : JsonFiles.list(c.get("licenses"))) {
            Map<String, Object> choice = JsonFiles.map(raw);
            String expression = JsonFiles.text(choice.get("expression")).trim();
            Map<String, Object> licence = JsonFiles.map(choice.get("license"));
            String id = JsonFiles.text(licence.get("id")).trim();
            String name = JsonFiles.text(licence.get("name")).trim();
            String value = !expression.isEmpty() ? expression : !id.isEmpty() ? id : name;
            if (!value.isEmpty()) {
                licences.add(value);
            }
        }
        return licences;
    }

    private static String sha256(Map<String, Object> c) {
        for (Object raw : JsonFiles.list(c.get("hashes"))) {
            Map<String, Object> hash = JsonFiles.map(raw);
            if ("SHA-256".equals(JsonFiles.text(hash.get("alg")))) {
                return JsonFiles.text(hash.get("content"));
            }
        }
        return "";
    }

    List<Component> soup() {
        return soup;
    }

    List<Component> tools() {
        return tools;
    }

    String generator() {
        return generator;
    }

    /** The SOUP components without a supplier or without a licence in the SBOM. */
    List<Component> gaps() {
        return soup.stream().filter(c -> c.missingSupplier() || c.missingLicence()).toList();
    }

    /** Writes {@code soup.csv} (RFC 4180): the SOUP components, then the tools, a gap column saying what is missing. */
    void writeCsv(Path file) {
        StringBuilder csv = new StringBuilder("kind,group,name,version,supplier,supplier_field,licences,used_by,purl,sha256,gap\r\n");
        for (Component c : soup) {
            row(csv, "SOUP", c, c.inKernel() ? "safety-kernel; app" : "app");
        }
        for (Component c : tools) {
            row(csv, "tool (not SOUP)", c, "verification (test scope)");
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    private static void row(StringBuilder csv, String kind, Component c, String usedBy) {
        List<String> cells = List.of(kind, c.group(), c.name(), c.version(), c.supplier(), c.supplierField(),
                String.join(" | ", c.licences()), usedBy, c.purl(), c.sha256(), gap(c));
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** What the SBOM does not state about the component, or empty. */
    static String gap(Component c) {
        List<String> missing = new ArrayList<>();
        if (c.missingSupplier()) {
            missing.add("no supplier in the SBOM");
        }
        if (c.missingLicence()) {
            missing.add("no licence in the SBOM");
        }
        return String.join("; ", missing);
    }

    private static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
