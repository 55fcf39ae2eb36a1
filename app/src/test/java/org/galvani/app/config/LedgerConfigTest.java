package org.galvani.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.galvani.kernel.spi.DriverRegistry;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration's {@code ledger:} section: the data directory, checked with file, line and column. */
class LedgerConfigTest {

    private static final DriverRegistry DRIVERS = DriverRegistry.load(LedgerConfigTest.class.getClassLoader());

    private static GalvaniConfig parse(String yaml) {
        return ConfigFile.parse("galvani.yaml", yaml, DRIVERS);
    }

    @Test
    @Verifies("SRS-APP-037")
    void readsTheDataDirectory() {
        assertEquals("/var/lib/galvani", parse("driver: sim\nledger:\n  dataDir: /var/lib/galvani\n").ledgerDataDir());
        assertEquals("data dir", parse("ledger: {dataDir: '  data dir '}").ledgerDataDir(), "trimmed");
        assertNull(parse("driver: sim").ledgerDataDir(), "none: the option or the default decides");
        assertNull(parse("ledger: {}").ledgerDataDir());
        assertEquals("/d", parse("ledger: {dataDir: /d}").withDriver("wire").ledgerDataDir(), "kept with --driver");
    }

    @Test
    @Verifies("SRS-APP-037")
    void aPathThatCannotBeOneIsRefused() {
        String message = assertThrows(ConfigException.class, () -> parse("ledger:\n  dataDir: \"a\\0b\"\n")).getMessage();
        assertEquals("galvani.yaml:2:12: ledger.dataDir is not a valid path: Nul character not allowed", message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a mapping    | ledger: /var/lib/galvani             | galvani.yaml:1:9: ledger must be a mapping of keys to values, was '/var/lib/galvani'
            unknown key      | ledger:\\n  data-dir: /d             | galvani.yaml:2:3: unknown key 'data-dir' in ledger; known: [dataDir]
            no value         | ledger:\\n  dataDir:                 | galvani.yaml:2:11: dataDir has no value
            empty            | ledger:\\n  dataDir: ''              | galvani.yaml:2:12: ledger.dataDir must name a directory, was empty
            a list           | ledger:\\n  dataDir: [a, b]          | galvani.yaml:2:12: dataDir must be text, was a list
            """)
    @Verifies("SRS-APP-037")
    void aBadLedgerSectionIsRefusedWithItsLineAndColumn(String name, String yaml, String expected) {
        String message = assertThrows(ConfigException.class, () -> parse(yaml.replace("\\n", "\n"))).getMessage();
        assertEquals(expected, message, name);
    }
}
