package org.galvani.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.galvani.kernel.Polarity;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorCommandParserTest {

    private final OperatorCommandParser parser = new OperatorCommandParser();

    @Test
    @Verifies("SRS-APP-051")
    void anArmLineBecomesAnOrderInTheOperatorsUnits() throws Exception {
        OperatorCommand command = parser.parse("  ARM T-17 drug=lidocaine-hcl current-ma=2.5 area-cm2=10 dose-mamin=40"
                + " ramp-s=12 electrode=Anode ").orElseThrow();
        assertEquals(OperatorCommand.Kind.ARM, command.kind());
        assertEquals(new TreatmentOrder("T-17", "lidocaine-hcl", 2.5, 10, 40, 0, 12, Polarity.ANODE), command.order());
        TreatmentOrder timed = parser.parse("arm W-1 drug=tap-water current-ma=12 area-cm2=300 duration-min=15")
                .orElseThrow().order();
        assertEquals(15.0, timed.durationMinutes());
        assertEquals(0.0, timed.doseMilliampMinutes());
        assertEquals(TreatmentOrder.DEFAULT_RAMP_SECONDS, timed.rampSeconds());
        assertNull(timed.activeElectrode());
    }

    @Test
    @Verifies("SRS-APP-051")
    void theOtherWordsTakeNoArgumentsAndABlankLineIsNothing() throws Exception {
        for (OperatorCommand.Kind kind : OperatorCommand.Kind.values()) {
            if (kind != OperatorCommand.Kind.ARM) {
                assertEquals(OperatorCommand.of(kind), parser.parse(kind.word()).orElseThrow());
            }
        }
        assertTrue(parser.parse("   ").isEmpty());
        assertTrue(OperatorCommandParser.help().contains("arm TREATMENT_ID"));
    }

    @ParameterizedTest
    @Verifies("SRS-APP-051")
    @CsvSource(delimiter = '|', value = {
        "strat|unknown command 'strat'; known: arm, start",
        "start now|'start' takes no arguments; unexpected 'now'",
        "arm|'arm' needs the treatment ID first",
        "arm drug=x|'arm' needs the treatment ID first, then key=value settings; got 'drug=x'",
        "arm T drug=x current-ma=1 area-cm2=10 dose=4|unknown setting 'dose=4' for 'arm'",
        "arm T drug=x current-ma=1 area-cm2=10 dose-mamin|unknown setting 'dose-mamin' for 'arm'",
        "arm T drug=x current-ma=1 current-ma=2 area-cm2=10 dose-mamin=4|setting 'current-ma' is given twice",
        "arm T drug=x area-cm2=10 dose-mamin=4|'arm' needs current-ma=...",
        "arm T current-ma=1 area-cm2=10 dose-mamin=4|'arm' needs drug=...",
        "arm T drug=x current-ma=1 dose-mamin=4|'arm' needs area-cm2=...",
        "arm T drug=x current-ma=1 area-cm2=10|exactly one of dose-mamin=... and duration-min=...",
        "arm T drug=x current-ma=1 area-cm2=10 dose-mamin=4 duration-min=3|exactly one of dose-mamin",
        "arm T drug= current-ma=1 area-cm2=10 dose-mamin=4|setting 'drug' is empty",
        "arm T drug=x current-ma=fast area-cm2=10 dose-mamin=4|setting 'current-ma=fast': 'fast' is not a number",
        "arm T drug=x current-ma=-1 area-cm2=10 dose-mamin=4|setting 'current-ma=-1' must be a positive number",
        "arm T drug=x current-ma=1 area-cm2=0 dose-mamin=4|setting 'area-cm2=0' must be a positive number",
        "arm T drug=x current-ma=1 area-cm2=10 dose-mamin=NaN|setting 'dose-mamin=NaN' must be a positive number",
        "arm T drug=x current-ma=1 area-cm2=10 dose-mamin=4 electrode=left|setting 'electrode=left' must be anode or cathode"})
    void aBadLineIsRefusedNamingTheWrongWord(String line, String message) {
        OperatorCommandException e = assertThrows(OperatorCommandException.class, () -> parser.parse(line));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    @Verifies("SRS-APP-051")
    void anOverlongLineIsRefusedBeforeItIsSplit() {
        OperatorCommandException e = assertThrows(OperatorCommandException.class,
                () -> parser.parse("status " + "x".repeat(OperatorCommandParser.MAX_LINE)));
        assertTrue(e.getMessage().startsWith("line too long"), e.getMessage());
    }
}
