package org.galvani.drivers.tck;

/**
 * The load the stage drives during the kit's checks (a resistor on a bench, a simulator's model) and how
 * closely the stage regulates current into it.
 *
 * <p>The kit's test current is half of what the stage can drive into this load: half of the smaller of
 * its maximum current and its compliance voltage over {@code ohms}. A reading or an observation counts
 * as showing a current {@code I} when it is within max(resolution, {@code tolerancePercent} % of I).
 *
 * @param description      what the load is, for failure messages (for example "6.3 kOhm patch model")
 * @param ohms             its resistance (Ω), at least 1
 * @param tolerancePercent the stage's current accuracy on this load (%), 0 to 50
 */
public record NominalLoad(String description, int ohms, int tolerancePercent) {

    public NominalLoad {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("nominal load: description is missing");
        }
        if (ohms < 1) {
            throw new IllegalArgumentException("nominal load '" + description + "': ohms must be at least 1, was " + ohms);
        }
        if (tolerancePercent < 0 || tolerancePercent > 50) {
            throw new IllegalArgumentException("nominal load '" + description
                    + "': tolerancePercent must be from 0 to 50, was " + tolerancePercent);
        }
    }
}
