package org.galvani.app.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.galvani.kernel.Units;

/** Clinical units and wall-clock times as the report prints them (fixed decimals, UTC, locale-independent). */
final class ReportFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportFormat() {
    }

    static String milliamps(long microamps) {
        return String.format(Locale.ROOT, "%.2f mA", Units.milliamps(microamps));
    }

    static String milliampMinutes(long microampMillis) {
        return String.format(Locale.ROOT, "%.3f mA·min", Units.milliampMinutes(microampMillis));
    }

    static String squareCentimetres(int squareMillimetres) {
        return String.format(Locale.ROOT, "%.2f cm²", squareMillimetres / 100.0);
    }

    /** Current density in mA/cm², or a dash when the area is not positive. */
    static String density(int microamps, int squareMillimetres) {
        return squareMillimetres <= 0 ? "–"
                : String.format(Locale.ROOT, "%.3f mA/cm²", Units.milliamps(microamps) / (squareMillimetres / 100.0));
    }

    static String minutes(long millis) {
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
    }

    static String instant(Instant instant) {
        return instant == null ? "–" : UTC.format(instant);
    }
}
