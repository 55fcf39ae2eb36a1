package org.galvani.hazard;

import java.util.Locale;
import org.galvani.trace.Implements;

/**
 * A risk matrix as an inline SVG picture: one square per cell, coloured by its acceptability (green,
 * yellow, red), with the number of hazards in it; severity rises upwards, probability to the right.
 * Every cell carries {@code data-severity}, {@code data-probability} and {@code data-count}.
 */
@Implements("SRS-HAZ-007")
public final class MatrixPicture {

    static final String GREEN = "#4caf50";
    static final String YELLOW = "#f5c542";
    static final String RED = "#d9453b";

    private static final int CELL = 56;
    private static final int LEFT = 150;
    private static final int TOP = 34;
    private static final int BOTTOM = 96;

    private MatrixPicture() {
    }

    /** The colour of an acceptability. */
    public static String colour(Acceptability acceptability) {
        return switch (acceptability) {
            case ACCEPTABLE -> GREEN;
            case ALARP -> YELLOW;
            case UNACCEPTABLE -> RED;
        };
    }

    /** The picture of {@code counts} ({@code [severity rank - 1][probability rank - 1]}) on the matrix. */
    public static String svg(RiskMatrix matrix, int[][] counts, String caption) {
        int columns = matrix.probability().size();
        int rows = matrix.severity().size();
        int width = LEFT + columns * CELL + 16;
        int height = TOP + rows * CELL + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"matrix\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", width, height, width, height,
                Text.html(caption)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"caption\">%s</text>%n", LEFT,
                Text.html(caption)));
        for (int s = 0; s < rows; s++) {
            Level severity = matrix.severity().levels().get(s);
            int y = TOP + (rows - 1 - s) * CELL;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"axis\">%s %s</text>%n",
                    LEFT - 8, y + CELL / 2 + 5, Text.html(severity.id()), Text.html(severity.name())));
            for (int p = 0; p < columns; p++) {
                Level probability = matrix.probability().levels().get(p);
                Acceptability acceptability = matrix.acceptability(severity, probability);
                int x = LEFT + p * CELL;
                int count = counts[s][p];
                svg.append(String.format(Locale.ROOT, "<g class=\"cell\" data-severity=\"%s\" data-probability=\"%s\""
                        + " data-count=\"%d\" data-acceptability=\"%s\"><title>%s/%s %s: %d hazard%s</title>"
                        + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
                        Text.html(severity.id()), Text.html(probability.id()), count, acceptability.key(),
                        Text.html(severity.id()), Text.html(probability.id()), acceptability.key(), count,
                        count == 1 ? "" : "s", x, y, CELL, CELL, colour(acceptability)));
                if (count > 0) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"count\">%d</text>",
                            x + CELL / 2, y + CELL / 2 + 8, count));
                }
                svg.append("</g>\n");
            }
        }
        int axisY = TOP + rows * CELL;
        for (int p = 0; p < columns; p++) {
            Level probability = matrix.probability().levels().get(p);
            int x = LEFT + p * CELL + CELL / 2;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%s</text>%n",
                    x, axisY + 18, Text.html(probability.id())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"axis small\""
                    + " transform=\"rotate(-35 %d %d)\">%s</text>%n", x + 4, axisY + 34, x + 4, axisY + 34,
                    Text.html(probability.name())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis title\">%s →</text>%n",
                LEFT + columns * CELL / 2, height - 6, Text.html(matrix.probability().name())));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" class=\"axis title\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">%s →</text>%n", TOP + rows * CELL / 2, TOP + rows * CELL / 2,
                Text.html(matrix.severity().name())));
        return svg.append("</svg>\n").toString();
    }
}
