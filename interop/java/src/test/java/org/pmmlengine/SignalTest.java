package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The .NET runtime installs signal handlers in the JVM's process. Java's null checks (SIGSEGV), thread dumps
 * (SIGQUIT) and shutdown hooks (SIGTERM) must still work: checked on a child JVM that has started the engine.
 */
class SignalTest {
    @Test
    void javaSignalsStillReachTheJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SignalProbe.class.getName(), TestData.samples().resolve("gbdt-ensemble.pmml").toString())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.append(line).append('\n');
                // Signals are sent with kill(1): Process.destroy() would also close the stream read here.
                if (line.equals("ready"))
                    signal(child, "QUIT");
                else if (line.startsWith("Full thread dump"))
                    signal(child, "TERM");
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not exit");
        String text = output.toString();
        assertTrue(text.contains("null checks 100000 of 200000"), text);
        assertTrue(text.contains("Full thread dump"), text);
        assertTrue(text.contains("shutdown hook ran"), text);
        assertEquals(143, child.exitValue(), text);
    }

    private static void signal(Process process, String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }
}
