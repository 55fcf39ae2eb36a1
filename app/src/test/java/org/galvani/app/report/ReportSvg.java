package org.galvani.app.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A chart of a report page, parsed as XML, with what the tests look at: the plot area, bands, lines, paths. */
final class ReportSvg {

    final Document document;

    private ReportSvg(Document document) {
        this.document = document;
    }

    /** The SVG of the figure with this ID; fails if the page has none or it is not well-formed XML. */
    static ReportSvg of(String html, String figureId) throws Exception {
        Matcher m = Pattern.compile("<figure id=\"" + figureId + "\">.*?(<svg.*?</svg>)", Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new AssertionError("no figure " + figureId + " in the page");
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new ReportSvg(factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(m.group(1).getBytes(StandardCharsets.UTF_8))));
    }

    /** The plot area: the rectangle of the chart's clip path, as {x, y, width, height}. */
    double[] plotArea() {
        Element rect = (Element) elements("clipPath").get(0).getElementsByTagNameNS("*", "rect").item(0);
        return new double[] {num(rect, "x"), num(rect, "y"), num(rect, "width"), num(rect, "height")};
    }

    /** Rectangles whose style contains {@code stylepart}, as {x, width}. */
    List<double[]> rects(String stylePart) {
        List<double[]> out = new ArrayList<>();
        for (Element e : elements("rect")) {
            if (e.getAttribute("style").contains(stylePart)) {
                out.add(new double[] {num(e, "x"), num(e, "width")});
            }
        }
        return out;
    }

    /** Lines whose style contains {@code stylePart}, as {x1, y1, x2, y2}. */
    List<double[]> lines(String stylePart) {
        List<double[]> out = new ArrayList<>();
        for (Element e : elements("line")) {
            if (e.getAttribute("style").contains(stylePart)) {
                out.add(new double[] {num(e, "x1"), num(e, "y1"), num(e, "x2"), num(e, "y2")});
            }
        }
        return out;
    }

    /**
     * The polylines drawn in a style (joined paths and single lines), each as a list of {x, y}; a path's moves
     * start new polylines.
     */
    List<List<double[]>> polylines(String stylePart) {
        List<List<double[]>> out = new ArrayList<>();
        for (Element e : elements("path")) {
            if (!e.getAttribute("style").contains(stylePart)) {
                continue;
            }
            List<double[]> current = null;
            for (String command : e.getAttribute("d").trim().split("\\s+(?=[ML])")) {
                String[] xy = command.substring(1).split(",");
                if (command.charAt(0) == 'M' || current == null) {
                    current = new ArrayList<>();
                    out.add(current);
                }
                current.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
        }
        for (double[] l : lines(stylePart)) {
            out.add(List.of(new double[] {l[0], l[1]}, new double[] {l[2], l[3]}));
        }
        return out;
    }

    private List<Element> elements(String name) {
        NodeList nodes = document.getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
