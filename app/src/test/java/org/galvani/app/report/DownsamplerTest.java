package org.galvani.app.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    @Verifies("SRS-APP-045")
    void aSeriesAtTheLimitIsKeptWhole() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {5, Double.NaN, 7, 8, 9};
        Downsampler.Series s = Downsampler.thin(x, y, 5);
        assertSame(x, s.x());
        assertSame(y, s.y());
    }

    @Test
    @Verifies("SRS-APP-045")
    void aLongSeriesKeepsItsEndsExtremesAndGapsWithinTheLimit() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.01;
            y[i] = 3.0 + Math.sin(i / 500.0) * 0.1;
        }
        y[31_337] = 9.5;       // a one-sample spike
        y[77_001] = -2.25;     // a one-sample dip
        y[50_000] = Double.NaN; // a one-sample gap
        Downsampler.Series s = Downsampler.thin(x, y, 2_000);

        // 400 buckets of 250 points; a smooth stretch keeps 2 or 3 of its at most 5.
        assertTrue(s.size() <= 2_000 && s.size() >= 800, "points kept: " + s.size());
        assertEquals(0.0, s.x()[0]);
        assertEquals(x[n - 1], s.x()[s.size() - 1]);
        assertTrue(Arrays.stream(s.y()).anyMatch(v -> v == 9.5), "the spike");
        assertTrue(Arrays.stream(s.y()).anyMatch(v -> v == -2.25), "the dip");
        assertEquals(1, Arrays.stream(s.y()).filter(Double::isNaN).count(), "the gap");
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.x()[i] > s.x()[i - 1], "time order kept");
        }
    }

    @Test
    @Verifies("SRS-APP-045")
    void keptPointsAreOriginalPoints() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i;
            y[i] = (i * 7) % 11;
        }
        Downsampler.Series s = Downsampler.thin(x, y, 10);
        // Two buckets of 15 points, each keeping its first, last, (first) minimum and (first) maximum point.
        assertEquals(7, s.size());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(y[(int) s.x()[i]], s.y()[i]);
        }
        assertArrayEquals(new double[] {0, 3, 14, 15, 22, 25, 29}, s.x());
    }

    @Test
    @Verifies("SRS-APP-045")
    void badArgumentsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Downsampler.thin(new double[3], new double[2], 10));
        assertEquals("x has 3 points and y 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Downsampler.thin(new double[3], new double[3], 4));
        assertEquals("maxPoints must be at least 5, was 4", e.getMessage());
    }
}
