package org.galvani.kernel;

/**
 * Conversions between clinical units (mA, cm², mA·min, minutes) and the kernel's integer units (µA,
 * mm², µA·ms, ms). For the edges only: user interfaces, configuration files, reports. Each conversion
 * from a double rejects NaN, infinities and values outside the integer range with a message naming the
 * quantity, and rounds to the nearest integer unit.
 */
public final class Units {

    /** µA·ms in one mA·min: 1000 µA × 60,000 ms. */
    public static final long MICROAMP_MILLIS_PER_MILLIAMP_MINUTE = 60_000_000L;

    private Units() {
    }

    /** Milliamps to microamps. */
    public static int microamps(double milliamps) {
        return (int) checked("current (mA)", milliamps, 1_000.0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Square centimetres to square millimetres. */
    public static int squareMillimetres(double squareCentimetres) {
        return (int) checked("electrode area (cm²)", squareCentimetres, 100.0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Milliamp-minutes to microamp-milliseconds. */
    public static long microampMillis(double milliampMinutes) {
        return checked("dose (mA·min)", milliampMinutes, MICROAMP_MILLIS_PER_MILLIAMP_MINUTE,
                Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    }

    /** Minutes to milliseconds. */
    public static long millisFromMinutes(double minutes) {
        return checked("duration (min)", minutes, 60_000.0, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    }

    /** Seconds to milliseconds, as an int (ramp durations). */
    public static int millisFromSeconds(double seconds) {
        return (int) checked("duration (s)", seconds, 1_000.0, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Microamps to milliamps. */
    public static double milliamps(long microamps) {
        return microamps / 1_000.0;
    }

    /** Microamp-milliseconds to milliamp-minutes. */
    public static double milliampMinutes(long microampMillis) {
        return microampMillis / (double) MICROAMP_MILLIS_PER_MILLIAMP_MINUTE;
    }

    /** Ohms to kilo-ohms. */
    public static double kiloohms(long ohms) {
        return ohms / 1_000.0;
    }

    private static long checked(String quantity, double value, double scale, long min, long max) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(quantity + " must be a finite number, was " + value);
        }
        double scaled = Math.rint(value * scale);
        if (scaled < min || scaled > max) {
            throw new IllegalArgumentException(quantity + " " + value + " is outside the representable range");
        }
        return (long) scaled;
    }
}
