package org.galvani.traceability.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, for checking the self-contained evidence pages (the trace matrix here, the
 * evidence bundle's index in the verification module, which uses this class from this module's test-jar).
 * A page under check writes its own verdict into {@code <p id="selfcheck">} when opened with
 * {@code #selfcheck}; {@link #selfCheck(Path)} reads it from the DOM Chromium dumps.
 */
public final class HeadlessChromium {

    /** The environment variable that makes a missing Chromium a failure instead of a skip (set by {@code .ci/run}). */
    public static final String REQUIRE = "GALVANI_REQUIRE_BROWSER";

    private static final Pattern SELFCHECK = Pattern.compile("<p id=\"selfcheck\">([^<]*)</p>");

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /**
     * Chromium at {@code GALVANI_CHROMIUM}, {@code /usr/bin/chromium} or {@code /usr/bin/chromium-browser},
     * with its profile and output files in {@code work}; empty when none is installed.
     */
    public static Optional<HeadlessChromium> locate(Path work) {
        String configured = System.getenv("GALVANI_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Optional.of(new HeadlessChromium(Path.of(candidate), work));
            }
        }
        return Optional.empty();
    }

    /** The message for a missing Chromium, naming how to install it. */
    public static String missingMessage(String what) {
        return "Chromium not found (/usr/bin/chromium, or GALVANI_CHROMIUM): " + what + " is not checked in a"
                + " browser. Install it with 'apt-get install -y chromium'.";
    }

    /** Whether a missing Chromium must fail the test ({@code GALVANI_REQUIRE_BROWSER=1}). */
    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }

    /**
     * Opens {@code html#selfcheck}, lets its scripts run (5 s of virtual time) and returns the text of its
     * {@code #selfcheck} element, unescaped.
     *
     * @throws IllegalStateException when the dumped DOM has no such element, or Chromium fails
     */
    public String selfCheck(Path html) throws IOException, InterruptedException {
        String dom = run(List.of("--virtual-time-budget=5000", "--dump-dom", html.toUri() + "#selfcheck"));
        Matcher matcher = SELFCHECK.matcher(dom);
        if (!matcher.find()) {
            throw new IllegalStateException("no #selfcheck element in the DOM Chromium dumped for " + html + ":\n"
                    + dom.substring(0, Math.min(dom.length(), 2000)));
        }
        return matcher.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    /** Saves a screenshot of the page (1400 × 900) as a PNG file. */
    public void screenshot(Path html, Path png) throws IOException, InterruptedException {
        run(List.of("--window-size=1400,900", "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
    }

    /** Runs Chromium headless with the arguments and returns its standard output. */
    public String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + work.resolve("profile")));
        command.addAll(arguments);
        Files.createDirectories(work);
        Path stdout = work.resolve("chromium.out");
        Path stderr = work.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within 90 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
