package org.galvani.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.galvani.trace.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/WRITING-A-DRIVER.md stays true: its Java examples compile against today's code, the conformance
 * target it quotes is the file the build runs, and its Maven snippet names the kit's test-jar.
 */
@Verifies("SRS-DRV-043")
class WritingADriverGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "WRITING-A-DRIVER.md");
    private static final Pattern COMPILED = Pattern.compile("<!-- compiled-example -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("<!-- quoted: (\\S+) -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

    @TempDir
    Path scratch;

    @Test
    void everyJavaExampleCompiles() throws Exception {
        Matcher example = COMPILED.matcher(guide());
        List<String> sources = new ArrayList<>();
        while (example.find()) {
            Matcher name = CLASS.matcher(example.group(1));
            assertTrue(name.find(), "an example without a class: " + example.group(1));
            Path source = scratch.resolve(name.group(1) + ".java");
            Files.writeString(source, example.group(1), StandardCharsets.UTF_8);
            sources.add(source.toString());
        }
        assertEquals(2, sources.size(), "compiled examples in the guide (the provider and the kit subclass)");
        List<String> arguments = new ArrayList<>(List.of("-d", scratch.resolve("classes").toString(), "-cp",
                testClassPath(), "-Xlint:all", "-Werror"));
        arguments.addAll(sources);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)),
                "an example in " + GUIDE + " does not compile (see the compiler output above)");
    }

    @Test
    void theQuotedConformanceTargetIsTheOneTheBuildRuns() throws Exception {
        Matcher quoted = QUOTED.matcher(guide());
        assertTrue(quoted.find(), GUIDE + " quotes no file");
        Path file = Path.of("..").resolve(quoted.group(1));
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), quoted.group(2),
                GUIDE + " quotes " + quoted.group(1) + " differently from the file: copy the file into the guide");
        assertFalse(quoted.find(), "only one quoted file is checked; add the next one to this test");
    }

    @Test
    void theMavenSnippetNamesTheKitsTestJar() throws Exception {
        String guide = guide();
        assertTrue(guide.contains("<artifactId>galvani-drivers</artifactId>"), "the snippet names galvani-drivers");
        assertTrue(guide.contains("<type>test-jar</type>") && guide.contains("<classifier>tests</classifier>"),
                "the snippet names the test-jar with classifier tests");
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<include>org/galvani/drivers/tck/**</include>"),
                "drivers/pom.xml publishes the kit's package in its test-jar");
    }

    private static String guide() throws Exception {
        return Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    /** The test class path: Surefire passes it in a property because its own launcher jar hides it. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }
}
