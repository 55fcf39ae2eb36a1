package org.galvani.traceability;

import java.util.Objects;
import org.galvani.trace.Implements;

/**
 * One {@code <testcase>} of a Surefire or Failsafe XML report: the class and name as the report gives them
 * (JUnit 5 under Surefire 3.5: {@code method}, {@code method(ParameterTypes)} and, for parameterized,
 * repeated, dynamic and fuzz tests, {@code method(ParameterTypes)[n]}), its status, its time, the first
 * line of its failure message, and the report file it came from.
 */
@Implements("SRS-TRC-003")
public record TestCase(String className, String name, TestStatus status, double seconds, String message,
        String reportFile) {

    public TestCase {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reportFile, "reportFile");
    }

    /** The method or field the case ran: its name up to the first {@code (} or {@code [}. */
    public String methodName() {
        return methodName(name);
    }

    /**
     * True when this case ran {@code method}: the same as {@code methodName().equals(method)}, without making the
     * method name (a trace asks this for every case of a class, for every linked member).
     */
    public boolean ranMethod(String method) {
        if (!name.startsWith(method) || method.indexOf('(') >= 0 || method.indexOf('[') >= 0) {
            return false;
        }
        if (name.length() == method.length()) {
            return true;
        }
        char next = name.charAt(method.length());
        return next == '(' || next == '[';
    }

    static String methodName(String name) {
        int end = name.length();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(' || c == '[') {
                end = i;
                break;
            }
        }
        return name.substring(0, end);
    }
}
