package org.galvani.app.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.galvani.trace.Implements;
import org.knowm.xchart.XYChart;

/**
 * An XChart chart as an SVG element to put inline in a page: VectorGraphics2D's output without its XML
 * declaration and DOCTYPE, its IDs prefixed so that several charts can share a page, coordinates cut to two
 * decimals (a hundredth of a pixel), and each run of joined line segments of one style (XChart draws a series
 * as one {@code <line>} per segment) merged into one {@code <path>}: the same drawing in far fewer bytes.
 */
@Implements("SRS-APP-041")
final class SvgExport {

    private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d\\d)\\d+");
    private static final Pattern LINE = Pattern.compile(
            "<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>");

    private SvgExport() {
    }

    static String inline(XYChart chart, String idPrefix) {
        // What XChart's VectorGraphicsEncoder does, without its deprecated stream method.
        VectorGraphics2D graphics = new VectorGraphics2D();
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        Document document = new SVGProcessor().getDocument(graphics.getCommands(),
                new PageSize(0, 0, chart.getWidth(), chart.getHeight()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        try {
            document.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the chart as SVG in memory failed", e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        if (start < 0) {
            throw new IllegalStateException("VectorGraphics2D wrote no <svg> element");
        }
        svg = svg.substring(start).strip();
        svg = svg.replace(" id=\"", " id=\"" + idPrefix + "-").replace("url(#", "url(#" + idPrefix + "-")
                .replace("href=\"#", "href=\"#" + idPrefix + "-");
        return joinLines(LONG_DECIMAL.matcher(svg).replaceAll("$1"));
    }

    /** Replaces each run of two or more adjacent {@code <line>}s of one style, each starting where the last ended. */
    static String joinLines(String svg) {
        Matcher m = LINE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        int copied = 0;
        int runStart = -1;
        int runEnd = -1;
        int segments = 0;
        String style = null;
        String endX = null;
        String endY = null;
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            boolean continues = segments > 0 && svg.substring(runEnd, m.start()).isBlank() && m.group(1).equals(style)
                    && m.group(2).equals(endX) && m.group(4).equals(endY);
            if (!continues) {
                // Only unfilled lines may be joined: a path of another style would be filled.

                if (segments > 0) {
                    copied = flush(out, svg, copied, runStart, runEnd, segments, path, style);
                }
                runStart = m.start();
                style = m.group(1);
                segments = 0;
                path.setLength(0);
                path.append('M').append(m.group(2)).append(',').append(m.group(4));
            }
            path.append(" L").append(m.group(3)).append(',').append(m.group(5));
            segments++;
            runEnd = m.end();
            endX = m.group(3);
            endY = m.group(5);
        }
        if (segments > 0) {
            copied = flush(out, svg, copied, runStart, runEnd, segments, path, style);
        }
        return out.append(svg, copied, svg.length()).toString();
    }

    private static int flush(StringBuilder out, String svg, int copied, int runStart, int runEnd, int segments,
            StringBuilder path, String style) {
        if (segments < 2 || !style.contains("fill:none")) {
            return copied;
        }
        out.append(svg, copied, runStart).append("<path d=\"").append(path).append("\" style=\"").append(style)
                .append("\"/>");
        return runEnd;
    }
}
