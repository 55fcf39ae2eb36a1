package org.galvani.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXParseException;

/**
 * The ReqIF export is valid against the OMG ReqIF schema ({@code src/test/resources/reqif/reqif.xsd}, unchanged;
 * its origin is in {@code ORIGIN.md} there). The schema's two imports are not reachable from the build: an
 * {@link LSResourceResolver} serves local copies — a minimal {@code xml.xsd} and an XHTML driver relaxed to
 * lax content — and refuses any other URL, so validation never goes to the network.
 */
class ReqIfSchemaTest {

    private static final Map<String, String> LOCAL = Map.of(
            "http://www.w3.org/2001/xml.xsd", "/reqif/xml.xsd",
            "http://www.omg.org/spec/ReqIF/20110402/driver.xsd", "/reqif/xhtml-driver-lax.xsd");

    @TempDir
    Path dir;

    static Schema schema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        List<String> served = new ArrayList<>();
        factory.setResourceResolver(new Resolver(served));
        try (InputStream xsd = ReqIfSchemaTest.class.getResourceAsStream("/reqif/reqif.xsd")) {
            Schema schema = factory.newSchema(new StreamSource(xsd, "reqif.xsd"));
            assertEquals(2, served.size(), "both imports served locally: " + served);
            return schema;
        }
    }

    static void validate(String reqif) throws Exception {
        Validator validator = schema().newValidator();
        validator.validate(new StreamSource(new StringReader(reqif)));
    }

    @Test
    @Verifies("SRS-TRC-009")
    void theExportIsValidReqIfWithHazardsControlsRequirementsAndTheirRelations() throws Exception {
        Traceability.Run run = Traceability.run(FixtureRepo.mixed(dir.resolve("checkout")).sources(), TracePolicy.defaults(),
                dir.resolve("out"));
        String reqif = Files.readString(dir.resolve("out").resolve(TraceReports.REQIF));
        validate(reqif);
        assertTrue(reqif.contains("<REQ-IF-VERSION>1.0</REQ-IF-VERSION>"));
        assertEquals(1, count(reqif, "<SPEC-OBJECT IDENTIFIER=\"_haz-HAZ-001\""));
        assertEquals(1, count(reqif, "<SPEC-OBJECT IDENTIFIER=\"_rc-RC-001\""));
        assertEquals(run.result().requirements().size(), count(reqif, "<SPEC-OBJECT-TYPE-REF>_t-requirement<"));
        assertEquals(3, count(reqif, "<SPEC-OBJECT-TYPE-REF>_t-test<"));
        assertEquals(3, count(reqif, "<SPEC-RELATION-TYPE-REF>_r-verifies<"));
        assertEquals(4, count(reqif, "<SPEC-RELATION-TYPE-REF>_r-implements<"));
        // RC-001 controls HAZ-001; SRS-FIX-001 and SRS-FIX-003 implement RC-001.
        assertEquals(3, count(reqif, "<SPEC-RELATION-TYPE-REF>_r-controls<"));
        assertTrue(reqif.contains("THE-VALUE=\"FAILED\""));
        assertTrue(reqif.contains("THE-VALUE=\"suspect\""));
        assertTrue(reqif.contains("<ATTRIBUTE-VALUE-INTEGER THE-VALUE=\"2\">"));
    }

    @Test
    @Verifies("SRS-TRC-009")
    void theSchemaCheckRejectsAnExportThatBreaksTheSchema() throws Exception {
        Traceability.run(FixtureRepo.mixed(dir.resolve("checkout")).sources(), TracePolicy.defaults(), dir.resolve("out"));
        String reqif = Files.readString(dir.resolve("out").resolve(TraceReports.REQIF));
        String duplicateId = reqif.replace("IDENTIFIER=\"_rc-RC-001\"", "IDENTIFIER=\"_haz-HAZ-001\"");
        assertThrows(SAXParseException.class, () -> validate(duplicateId));
        String noTitle = reqif.replace("      <TITLE>Galvani traceability matrix</TITLE>\n", "");
        assertThrows(SAXParseException.class, () -> validate(noTitle));
        String danglingRef = reqif.replace("<SPEC-OBJECT-TYPE-REF>_t-hazard<", "<SPEC-OBJECT-TYPE-REF>_t-nothing<");
        assertThrows(SAXParseException.class, () -> validate(danglingRef));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Serves the two imports from test resources; anything else is an error (no network). */
    private record Resolver(List<String> served) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String local = LOCAL.get(systemId);
            if (local == null) {
                throw new IllegalStateException("the schema asks for " + systemId + ", which is not served locally");
            }
            served.add(systemId);
            return new LocalInput(systemId, ReqIfSchemaTest.class.getResourceAsStream(local));
        }
    }

    private record LocalInput(String systemId, InputStream stream) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader reader) { }
        public InputStream getByteStream() { return stream; }
        public void setByteStream(InputStream in) { }
        public String getStringData() { return null; }
        public void setStringData(String data) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String id) { }
        public String getPublicId() { return null; }
        public void setPublicId(String id) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String uri) { }
        public String getEncoding() { return null; }
        public void setEncoding(String encoding) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean certified) { }
    }
}
