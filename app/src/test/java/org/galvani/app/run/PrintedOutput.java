package org.galvani.app.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What a running device prints: read safely while other threads print, with a bounded wait for a line. */
final class PrintedOutput {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);

    /** Where the device prints. */
    PrintWriter out() {
        return out;
    }

    /** Everything printed so far. */
    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    /** Waits (at most 30 s) until what was printed satisfies {@code condition}; false if it never did. */
    boolean await(Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.test(text())) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
