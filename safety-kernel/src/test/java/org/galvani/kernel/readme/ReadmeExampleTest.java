package org.galvani.kernel.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "embed the kernel" example is compiled from the README itself and run, so that the
 * example a device team copies always works.
 */
class ReadmeExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- embed-example -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path scratch;

    @Test
    void theEmbeddingExampleInTheReadmeCompilesAndRunsATreatmentToCompletion() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher example = EXAMPLE.matcher(readme);
        assertTrue(example.find(), "README.md has no ```java block after <!-- embed-example -->");
        Path source = scratch.resolve("EmbedTheKernel.java");
        Files.writeString(source, example.group(1), StandardCharsets.UTF_8);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", scratch.toString(), "-cp", testClassPath(),
                "-Xlint:all", "-Werror", source.toString());
        assertEquals(0, status, "the README example does not compile (see the compiler output above)");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {scratch.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = loader.loadClass("EmbedTheKernel").getMethod("run");
            @SuppressWarnings("unchecked")
            List<String> log = (List<String>) run.invoke(null);
            assertTrue(log.contains("STATE_CHANGED ARMED"), log.toString());
            assertTrue(log.contains("STATE_CHANGED DELIVERING"), log.toString());
            assertEquals("STATE_CHANGED COMPLETE", log.get(log.size() - 2), log.toString());
            Matcher delivered = Pattern.compile("delivered (\\d\\.\\d{3}) mA·min").matcher(log.get(log.size() - 1));
            assertTrue(delivered.matches(), log.toString());
            double dose = Double.parseDouble(delivered.group(1));
            assertTrue(dose >= 0.998 && dose <= 1.0, "delivered " + dose + " mA·min of 1 prescribed");
        }
    }

    /** The test classpath: Surefire passes it in a property because its own launcher jar hides it. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }
}
