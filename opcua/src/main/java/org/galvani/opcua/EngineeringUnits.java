package org.galvani.opcua;

import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;

/** The engineering units of the device variables (OPC UA Part 8 EUInformation). */
final class EngineeringUnits {

    /** UNECE Recommendation 20 units, as OPC UA Part 8 names them. */
    private static final String UNECE = "http://www.opcfoundation.org/UA/units/un/cefact";

    static final EUInformation MILLIAMPERE = unece("4K", "mA", "milliampere");
    static final EUInformation KILOOHM = unece("B49", "kΩ", "kilo-ohm");
    /** UNECE has no code for mA·min: the unit is Galvani's own (1 mA·min = 60 mC). */
    static final EUInformation MILLIAMPERE_MINUTE = new EUInformation(GalvaniNamespace.URI, -1,
            LocalizedText.english("mA·min"), LocalizedText.english("milliampere-minute (1 mA·min = 60 mC)"));

    private EngineeringUnits() {
    }

    /** Part 8: the unit ID is the common code's characters packed into an integer, first one highest. */
    static int unitId(String commonCode) {
        int id = 0;
        for (char c : commonCode.toCharArray()) {
            id = (id << 8) | c;
        }
        return id;
    }

    private static EUInformation unece(String code, String symbol, String name) {
        return new EUInformation(UNECE, unitId(code), LocalizedText.english(symbol), LocalizedText.english(name));
    }
}
