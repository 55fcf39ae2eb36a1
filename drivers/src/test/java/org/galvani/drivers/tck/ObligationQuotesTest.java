package org.galvani.drivers.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

/**
 * Every sentence the kit quotes in a failure is in the SPI's Javadoc, word for word (markup removed), so
 * that a vendor can find the promise it broke. Not published with the kit: it reads the kernel's sources.
 */
@Verifies("SRS-DRV-041")
class ObligationQuotesTest {

    private static final Path SPI = Path.of("..", "safety-kernel", "src", "main", "java", "org", "galvani", "kernel", "spi");

    @Test
    void everyQuotedSentenceIsInTheSpisJavadoc() throws IOException {
        String javadoc = plain(Files.readString(SPI.resolve("OutputStageDriver.java"), StandardCharsets.UTF_8))
                + " " + plain(Files.readString(SPI.resolve("DriverCapabilities.java"), StandardCharsets.UTF_8));
        for (Obligation obligation : Obligation.values()) {
            assertTrue(javadoc.contains(obligation.sentence()), () -> obligation + " quotes a sentence that the SPI's"
                    + " Javadoc does not contain (changed?): \"" + obligation.sentence() + "\"");
        }
    }

    /** Javadoc as text: comment prefixes, {@link} and {@code} markup and line breaks removed. */
    private static String plain(String source) {
        return source.replaceAll("(?m)^\\s*\\*\\s?", " ")
                .replaceAll("\\{@link\\s+[\\w.]*#([\\w()]+)\\}", "$1")
                .replaceAll("\\{@link\\s+(?:[\\w]+\\.)*(\\w+)\\}", "$1")
                .replaceAll("\\{@code\\s+([^}]*)\\}", "$1")
                .replaceAll("\\s+", " ");
    }
}
