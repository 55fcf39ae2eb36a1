package org.galvani.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The check fixtures under src/test/resources/fixtures, named {@code fixtures/NAME} in findings. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HazardRegister register(String name) throws IOException, InputFormatException {
        return RegisterReader.read(path(name), "fixtures/" + name);
    }

    /** The line (from 1) of the fixture that carries the comment {@code # <- marker}. */
    static int lineOf(String name, String marker) throws IOException {
        List<String> lines = Files.readAllLines(path(name));
        int found = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("# <- " + marker)) {
                if (found != 0) {
                    fail("marker '" + marker + "' twice in " + name);
                }
                found = i + 1;
            }
        }
        if (found == 0) {
            fail("no marker '" + marker + "' in " + name);
        }
        return found;
    }

    static RequirementLink link(String id, String... controls) {
        return new RequirementLink(id, 1, "C", "fixtures/requirements.yaml", 3, List.of(controls));
    }

    /** The findings of one check. */
    static List<Finding> of(Check check, List<Finding> findings) {
        return findings.stream().filter(finding -> finding.check() == check).toList();
    }

    /** Exactly these findings of the check, as printed ({@code file:line:column: level [CHECK] message}). */
    static void assertFindings(Check check, List<Finding> findings, String... expected) {
        assertEquals(List.of(expected), of(check, findings).stream().map(Finding::toString).toList(),
                "all findings: " + findings);
    }
}
