package org.galvani.traceability;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.galvani.hazard.Hazard;
import org.galvani.hazard.RiskControl;
import org.galvani.trace.Implements;

/**
 * The matrix as ReqIF 1.2 (schema namespace {@code http://www.omg.org/spec/ReqIF/20110401/reqif.xsd},
 * {@code REQ-IF-VERSION} 1.0 as the schema fixes it) for DOORS, Polarion or Jama: hazards, risk controls,
 * requirements, implementations and verifying tests are SPEC-OBJECTs of five types with string attributes
 * (ID, title, text, status, source, ...) and an integer version; SPEC-RELATIONs of three types link them —
 * {@code controls} (risk control → hazard, and requirement → risk control it implements),
 * {@code implements} (implementation → requirement) and {@code verifies} (test → requirement, with the
 * latest result and whether the link is suspect); one SPECIFICATION holds a hierarchy of hazards, controls
 * and requirements. Identifiers are stable across runs (derived from the IDs and element names).
 */
@Implements("SRS-TRC-009")
final class ReqIfExport {

    private ReqIfExport() {
    }

    private static final String[] OBJECT_TYPES = {"HAZARD", "RISK-CONTROL", "REQUIREMENT", "IMPLEMENTATION", "TEST"};

    static void render(TraceResult result, Verdict verdict, ReportOutput report) throws IOException {
        String time = result.time().truncatedTo(ChronoUnit.SECONDS).toString();
        Writer w = new Writer(time, report.text());
        StringBuilder out = w.out;
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<REQ-IF xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\" xml:lang=\"en\">\n")
                .append("  <THE-HEADER>\n    <REQ-IF-HEADER IDENTIFIER=\"_header\">\n")
                .append("      <COMMENT>Hazards, risk controls, requirements, implementations and verifying tests of Galvani, ")
                .append("with their links; policy ").append(Escape.xml(verdict.policy())).append(": ")
                .append(verdict.passed() ? "passed" : "failed").append("</COMMENT>\n")
                .append("      <CREATION-TIME>").append(time).append("</CREATION-TIME>\n")
                .append("      <REPOSITORY-ID>galvani</REPOSITORY-ID>\n")
                .append("      <REQ-IF-TOOL-ID>Galvani traceability</REQ-IF-TOOL-ID>\n")
                .append("      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>\n")
                .append("      <SOURCE-TOOL-ID>Galvani traceability (galvani-traceability)</SOURCE-TOOL-ID>\n")
                .append("      <TITLE>Galvani traceability matrix</TITLE>\n")
                .append("    </REQ-IF-HEADER>\n  </THE-HEADER>\n  <CORE-CONTENT>\n    <REQ-IF-CONTENT>\n");
        out.append("      <DATATYPES>\n")
                .append("        <DATATYPE-DEFINITION-STRING IDENTIFIER=\"_dt-string\" LAST-CHANGE=\"").append(time)
                .append("\" LONG-NAME=\"Text\" MAX-LENGTH=\"100000\"/>\n")
                .append("        <DATATYPE-DEFINITION-INTEGER IDENTIFIER=\"_dt-integer\" LAST-CHANGE=\"").append(time)
                .append("\" LONG-NAME=\"Integer\" MAX=\"2147483647\" MIN=\"0\"/>\n      </DATATYPES>\n");
        out.append("      <SPEC-TYPES>\n");
        for (String type : OBJECT_TYPES) {
            out.append("        <SPEC-OBJECT-TYPE IDENTIFIER=\"_t-").append(type.toLowerCase(java.util.Locale.ROOT))
                    .append("\" LAST-CHANGE=\"").append(time).append("\" LONG-NAME=\"").append(type).append("\">\n")
                    .append("          <SPEC-ATTRIBUTES>\n");
            for (String attribute : attributes(type)) {
                w.attributeDefinition(type, attribute);
            }
            out.append("          </SPEC-ATTRIBUTES>\n        </SPEC-OBJECT-TYPE>\n");
        }
        for (String relation : List.of("controls", "implements", "verifies")) {
            out.append("        <SPEC-RELATION-TYPE IDENTIFIER=\"_r-").append(relation).append("\" LAST-CHANGE=\"")
                    .append(time).append("\" LONG-NAME=\"").append(relation).append("\"");
            if (relation.equals("verifies")) {
                out.append(">\n          <SPEC-ATTRIBUTES>\n");
                w.attributeDefinition("VERIFIES", "Result");
                w.attributeDefinition("VERIFIES", "Suspect");
                out.append("          </SPEC-ATTRIBUTES>\n        </SPEC-RELATION-TYPE>\n");
            } else {
                out.append("/>\n");
            }
        }
        out.append("        <SPECIFICATION-TYPE IDENTIFIER=\"_t-specification\" LAST-CHANGE=\"").append(time)
                .append("\" LONG-NAME=\"Traceability\"/>\n      </SPEC-TYPES>\n      <SPEC-OBJECTS>\n");

        Map<String, String> objects = new LinkedHashMap<>();
        for (Hazard hazard : result.analysis().register().hazards()) {
            String id = "_haz-" + Writer.ncName(hazard.id());
            if (objects.putIfAbsent(id, "HAZARD") == null) {
                w.object(id, "HAZARD", hazard.id(), null, hazard.id(), hazard.title(),
                        hazard.hazard() + ". Situation: " + hazard.situation() + ". Harm: " + hazard.harm(),
                        hazard.location().toString());
                report.flushIfFull();
            }
        }
        for (RiskControl control : result.analysis().register().controls()) {
            String id = "_rc-" + Writer.ncName(control.id());
            if (objects.putIfAbsent(id, "RISK-CONTROL") == null) {
                w.object(id, "RISK-CONTROL", control.id(), null, control.id(), control.title(), control.text(),
                        control.kind().name(), control.owner().name(), control.location().toString());
                report.flushIfFull();
            }
        }
        Map<String, String> elements = new HashMap<>();
        for (RequirementTrace row : result.requirements()) {
            Requirement r = row.requirement();
            w.object("_req-" + Writer.ncName(r.id()), "REQUIREMENT", r.id(), r.version(), r.id(), r.title(), r.text(),
                    r.safetyClass(), r.module(), row.status().name(), r.source().toString());
            for (Implementation implementation : row.implementations()) {
                String element = implementation.element();
                String id = "_impl-" + Writer.ncName(element);
                if (elements.putIfAbsent(id, element) == null) {
                    w.object(id, "IMPLEMENTATION", element, null, element, implementation.module(),
                            implementation.source() == null ? "" : implementation.source().toString());
                }
            }
            for (VerifyingTest test : row.tests()) {
                String element = test.link().element();
                String id = "_test-" + Writer.ncName(element);
                if (elements.putIfAbsent(id, element) == null) {
                    w.object(id, "TEST", element, null, element, test.link().module(),
                            test.link().source() == null ? "" : test.link().source().toString());
                }
            }
            report.flushIfFull();
        }
        out.append("      </SPEC-OBJECTS>\n      <SPEC-RELATIONS>\n");
        for (ControlTrace control : result.controls()) {
            String source = "_rc-" + Writer.ncName(control.control().id());
            for (String hazard : control.hazards()) {
                String target = "_haz-" + Writer.ncName(hazard);
                if (objects.containsKey(target)) {
                    w.relation(source, target, "controls", null, null);
                }
            }
            report.flushIfFull();
        }
        for (RequirementTrace row : result.requirements()) {
            String requirement = "_req-" + Writer.ncName(row.requirement().id());
            for (String control : row.controls()) {
                String target = "_rc-" + Writer.ncName(control);
                if (objects.containsKey(target)) {
                    w.relation(requirement, target, "controls", null, null);
                }
            }
            for (Implementation implementation : row.implementations()) {
                w.relation("_impl-" + Writer.ncName(implementation.element()), requirement, "implements", null, null);
            }
            for (VerifyingTest test : row.tests()) {
                w.relation("_test-" + Writer.ncName(test.link().element()), requirement, "verifies",
                        test.outcome().name(), test.suspect() ? "suspect" : "current");
            }
            report.flushIfFull();
        }
        out.append("      </SPEC-RELATIONS>\n      <SPECIFICATIONS>\n")
                .append("        <SPECIFICATION IDENTIFIER=\"_spec\" LAST-CHANGE=\"").append(time)
                .append("\" LONG-NAME=\"Galvani traceability\">\n")
                .append("          <TYPE><SPECIFICATION-TYPE-REF>_t-specification</SPECIFICATION-TYPE-REF></TYPE>\n")
                .append("          <CHILDREN>\n");
        for (Map.Entry<String, String> object : objects.entrySet()) {
            w.hierarchy(object.getKey());
            report.flushIfFull();
        }
        for (RequirementTrace row : result.requirements()) {
            w.hierarchy("_req-" + Writer.ncName(row.requirement().id()));
            report.flushIfFull();
        }
        out.append("          </CHILDREN>\n        </SPECIFICATION>\n      </SPECIFICATIONS>\n")
                .append("    </REQ-IF-CONTENT>\n  </CORE-CONTENT>\n</REQ-IF>\n");
    }

    /** The attributes of each object type, in order (the string ones, then the integer Version). */
    private static List<String> attributes(String type) {
        return switch (type) {
            case "HAZARD" -> List.of("ID", "Title", "Text", "Source");
            case "RISK-CONTROL" -> List.of("ID", "Title", "Text", "Kind", "Owner", "Source");
            case "REQUIREMENT" -> List.of("ID", "Title", "Text", "Safety class", "Module", "Status", "Source", "Version");
            default -> List.of("ID", "Module", "Source");
        };
    }

    private static final class Writer {
        final StringBuilder out;
        final String time;
        private final Map<String, Integer> hierarchyCount = new HashMap<>();
        // The attribute definitions' identifiers, per object type (and VERIFIES), made once and not per value.
        private final Map<String, Map<String, String>> attributeIds = new HashMap<>();
        private int relations;

        Writer(String time, StringBuilder out) {
            this.time = time;
            this.out = out;
        }

        static String ncName(String text) {
            int i = 0;
            while (i < text.length() && kept(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                return text;
            }
            StringBuilder id = new StringBuilder(text.length()).append(text, 0, i);
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                id.append(kept(c) ? c : '_');
            }
            return id.toString();
        }

        /** A character an identifier keeps: a letter, a digit, '-', '.' or '_' (the ASCII ones without a lookup). */
        private static boolean kept(char c) {
            if (c < 0x80) {
                return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                        || c == '_';
            }
            return Character.isLetterOrDigit(c);
        }

        static String attributeId(String type, String attribute) {
            return "_a-" + type.toLowerCase(java.util.Locale.ROOT) + "-" + ncName(attribute.toLowerCase(java.util.Locale.ROOT));
        }

        void attributeDefinition(String type, String attribute) {
            boolean integer = attribute.equals("Version");
            String kind = integer ? "INTEGER" : "STRING";
            out.append("            <ATTRIBUTE-DEFINITION-").append(kind).append(" IDENTIFIER=\"")
                    .append(attributeId(type, attribute)).append("\" LAST-CHANGE=\"").append(time)
                    .append("\" LONG-NAME=\"").append(Escape.xml(attribute)).append("\">\n")
                    .append("              <TYPE><DATATYPE-DEFINITION-").append(kind).append("-REF>")
                    .append(integer ? "_dt-integer" : "_dt-string").append("</DATATYPE-DEFINITION-").append(kind)
                    .append("-REF></TYPE>\n            </ATTRIBUTE-DEFINITION-").append(kind).append(">\n");
        }

        private String id(String type, String attribute) {
            return attributeIds.computeIfAbsent(type, t -> new HashMap<>())
                    .computeIfAbsent(attribute, a -> attributeId(type, a));
        }

        /** A SPEC-OBJECT: {@code values} are its string attributes in the order of {@link #attributes}. */
        void object(String id, String type, String longName, Integer version, String... values) {
            out.append("        <SPEC-OBJECT IDENTIFIER=\"").append(id).append("\" LAST-CHANGE=\"").append(time)
                    .append("\" LONG-NAME=\"");
            Escape.xml(out, longName).append("\">\n          <VALUES>\n");
            List<String> attributes = attributes(type);
            for (int i = 0; i < values.length; i++) {
                string(type, attributes.get(i), values[i]);
            }
            if (version != null) {
                out.append("            <ATTRIBUTE-VALUE-INTEGER THE-VALUE=\"").append(version)
                        .append("\"><DEFINITION><ATTRIBUTE-DEFINITION-INTEGER-REF>").append(id(type, "Version"))
                        .append("</ATTRIBUTE-DEFINITION-INTEGER-REF></DEFINITION></ATTRIBUTE-VALUE-INTEGER>\n");
            }
            out.append("          </VALUES>\n          <TYPE><SPEC-OBJECT-TYPE-REF>_t-")
                    .append(type.toLowerCase(java.util.Locale.ROOT)).append("</SPEC-OBJECT-TYPE-REF></TYPE>\n")
                    .append("        </SPEC-OBJECT>\n");
        }

        private void string(String type, String attribute, String value) {
            out.append("            <ATTRIBUTE-VALUE-STRING THE-VALUE=\"");
            Escape.xml(out, value).append("\"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>").append(id(type, attribute))
                    .append("</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>\n");
        }

        void relation(String source, String target, String type, String result, String suspect) {
            relations++;
            out.append("        <SPEC-RELATION IDENTIFIER=\"_rel-").append(relations).append("\" LAST-CHANGE=\"")
                    .append(time).append("\">\n");
            if (result != null) {
                out.append("          <VALUES>\n");
                string("VERIFIES", "Result", result);
                string("VERIFIES", "Suspect", suspect);
                out.append("          </VALUES>\n");
            }
            out.append("          <SOURCE><SPEC-OBJECT-REF>").append(source).append("</SPEC-OBJECT-REF></SOURCE>\n")
                    .append("          <TARGET><SPEC-OBJECT-REF>").append(target).append("</SPEC-OBJECT-REF></TARGET>\n")
                    .append("          <TYPE><SPEC-RELATION-TYPE-REF>_r-").append(type)
                    .append("</SPEC-RELATION-TYPE-REF></TYPE>\n        </SPEC-RELATION>\n");
        }

        void hierarchy(String object) {
            int n = hierarchyCount.merge(object, 1, Integer::sum);
            out.append("            <SPEC-HIERARCHY IDENTIFIER=\"_h").append(object).append(n == 1 ? "" : "-" + n)
                    .append("\" LAST-CHANGE=\"").append(time).append("\"><OBJECT><SPEC-OBJECT-REF>").append(object)
                    .append("</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>\n");
        }
    }

}
