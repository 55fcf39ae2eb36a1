package org.galvani.traceability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.galvani.trace.Implements;

/**
 * Reads the test cases of Surefire and Failsafe XML reports ({@code TEST-*.xml}) with StAX. A report that
 * is not well-formed XML, or whose {@code <testcase>} lacks its name or class, is an error naming the
 * file and line: a result that cannot be read is not evidence, and is never silently dropped.
 */
@Implements("SRS-TRC-003")
public final class TestReports {

    private static final XMLInputFactory FACTORY = newFactory();

    private final Path root;

    /** Reports are named relative to {@code root} in every result and message. */
    public TestReports(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Every test case in the {@code TEST-*.xml} files of the given directories (missing ones hold none). */
    public List<TestCase> read(List<Path> directories) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> list = Files.list(directory)) {
                    list.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith("TEST-") && name.endsWith(".xml");
                    }).sorted().forEach(files::add);
                }
            }
        }
        try {
            return files.parallelStream().flatMap(file -> readFile(file).stream()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The test cases of one report file. */
    public List<TestCase> readFile(Path file) {
        String name = root.relativize(file.toAbsolutePath().normalize()).toString()
                .replace(file.getFileSystem().getSeparator(), "/");
        List<TestCase> cases = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                parse(xml, name, cases);
            } finally {
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(name + ": cannot read the test report: " + e.getMessage(), e));
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new UncheckedIOException(new IOException(name + (line > 0 ? ":" + line : "")
                    + ": not a readable test report (" + problem(e) + ")", e));
        }
        return cases;
    }

    private static void parse(XMLStreamReader xml, String file, List<TestCase> cases) throws XMLStreamException {
        String className = null;
        String name = null;
        double seconds = 0;
        TestStatus status = null;
        String message = "";
        int depth = 0;
        int caseDepth = -1;
        boolean rootSeen = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String element = xml.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!element.equals("testsuite") && !element.equals("testsuites")) {
                        throw new XMLStreamException("the root element is <" + element + ">, not <testsuite>",
                                xml.getLocation());
                    }
                } else if (element.equals("testcase") && caseDepth < 0) {
                    caseDepth = depth;
                    className = xml.getAttributeValue(null, "classname");
                    name = xml.getAttributeValue(null, "name");
                    if (className == null || name == null) {
                        throw new XMLStreamException("a <testcase> without its name or classname", xml.getLocation());
                    }
                    seconds = seconds(xml.getAttributeValue(null, "time"));
                    status = TestStatus.PASSED;
                    message = "";
                } else if (caseDepth > 0 && depth == caseDepth + 1) {
                    TestStatus outcome = switch (element) {
                        case "failure" -> TestStatus.FAILED;
                        case "error" -> TestStatus.ERROR;
                        case "skipped" -> TestStatus.SKIPPED;
                        default -> null;
                    };
                    if (outcome != null && rank(outcome) > rank(status)) {
                        status = outcome;
                        String text = xml.getAttributeValue(null, "message");
                        String type = xml.getAttributeValue(null, "type");
                        if (text == null) {
                            // No message attribute (an aborted test): the first line of the stack trace, without
                            // the exception's class name. Reading the text consumes the end of the element.
                            text = xml.getElementText().strip();
                            depth--;
                            if (type != null && text.startsWith(type + ": ")) {
                                text = text.substring(type.length() + 2);
                            }
                            if (text.isEmpty() && type != null) {
                                text = type;
                            }
                        }
                        message = firstLine(text);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == caseDepth) {
                    cases.add(new TestCase(className, name, status, seconds, message, file));
                    caseDepth = -1;
                }
                depth--;
            }
        }
        if (!rootSeen) {
            throw new XMLStreamException("no <testsuite> element");
        }
    }

    /** The parser's own sentence, without its "ParseError at [row,col]" preamble. */
    private static String problem(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return firstLine(at >= 0 ? message.substring(at + "Message: ".length()) : message);
    }

    private static int rank(TestStatus status) {
        return switch (status) {
            case PASSED -> 0;
            case SKIPPED -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }

    private static double seconds(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(value.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        String first = newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
