package org.pmmlengine;

import java.nio.file.Path;
import java.util.Map;

/** Run by SignalTest in a child JVM: starts the engine, then lives on Java's own signal-driven machinery. */
public final class SignalProbe {
    private SignalProbe() {}

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        try (Evaluator evaluator = TestData.load(Path.of(args[0]))) {
            evaluator.evaluate(Map.of("age", 25, "income", 30000.0, "sector", "private"));
            // Implicit null checks are SIGSEGV handlers in HotSpot: they must still reach the JVM.
            int caught = 0;
            int length = 0;
            for (int i = 0; i < 200_000; i++) {
                String text = i % 2 == 0 ? null : "x";
                try {
                    length += text.length();
                } catch (NullPointerException e) {
                    caught++;
                }
            }
            System.out.println("null checks " + caught + " of " + (caught + length));
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
