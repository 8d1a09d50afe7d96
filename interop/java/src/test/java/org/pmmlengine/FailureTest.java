package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad models, bad records and misuse end in Java exceptions that say what and where; the JVM carries on. */
class FailureTest {
    private static final String PMML_HEAD = "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><Header/>";

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not xml at all",
        "<?xml version=\"1.0\"?><!DOCTYPE PMML [<!ENTITY boom \"boom\">]><PMML version=\"4.4\">&boom;</PMML>",
        PMML_HEAD + "<DataDictionary><DataField name=\"x\" optype=\"continuous\" dataType=\"double\"/></DataDictionary>"
            + "<NeuralNetwork functionName=\"regression\" activationFunction=\"logistic\"><MiningSchema><MiningField name=\"x\"/></MiningSchema>"
            + "</NeuralNetwork></PMML>",
        PMML_HEAD + "<DataDictionary/><TreeModel functionName=\"regression\"><MiningSchema><MiningField name=\"nowhere\"/></MiningSchema>"
            + "<Node score=\"1\"><True/></Node></TreeModel></PMML>",
    })
    void aBadDocumentIsAnInvalidMarkupExceptionWithItsLocation(String document) {
        InvalidMarkupException e = assertThrows(InvalidMarkupException.class,
                () -> new EvaluatorBuilder().load(document.getBytes(StandardCharsets.UTF_8)).build());
        assertFalse(e.getProblems().isEmpty(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid PMML"), e.getMessage());
    }

    @Test
    void anUndefinedFieldIsNamedWithItsLine() {
        String document = PMML_HEAD + "\n<DataDictionary/>\n<TreeModel functionName=\"regression\"><MiningSchema>"
                + "<MiningField name=\"nowhere\"/></MiningSchema><Node score=\"1\"><True/></Node></TreeModel></PMML>";
        InvalidMarkupException e = assertThrows(InvalidMarkupException.class,
                () -> new EvaluatorBuilder().load(document.getBytes(StandardCharsets.UTF_8)).build());
        MarkupProblem problem = e.getProblems().get(0);
        assertEquals(3, problem.line(), problem.toString());
        assertTrue(problem.message().contains("nowhere"), problem.toString());
    }

    @Test
    void anInvalidValueNamesItsField() throws Exception {
        try (Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"))) {
            EvaluationException category = assertThrows(EvaluationException.class,
                    () -> evaluator.evaluate(Map.of("age", 25, "income", 30000.0, "sector", "unknown")));
            assertEquals("sector", category.getField().orElseThrow(), category.getMessage());
            EvaluationException number = assertThrows(EvaluationException.class,
                    () -> evaluator.evaluate(Map.of("age", "abc", "income", 30000.0, "sector", "private")));
            assertEquals("age", number.getField().orElseThrow(), number.getMessage());
        }
    }

    @Test
    void aMillionInvalidRecordsLeaveTheJvmAndTheEvaluatorHealthy() throws Exception {
        try (Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"))) {
            Map<String, Object> good = Map.of("age", 25, "income", 30000.0, "sector", "private");
            Map<String, Object> before = evaluator.evaluate(good);
            Map<String, Object> bad = new HashMap<>(good);
            int failures = 0;
            for (int i = 0; i < 1_000_000; i++) {
                bad.put("sector", i % 2 == 0 ? "unknown" : "also unknown " + (i & 7));
                try {
                    evaluator.evaluate(bad);
                } catch (EvaluationException e) {
                    failures++;
                }
            }
            assertEquals(1_000_000, failures);
            assertEquals(before, evaluator.evaluate(good));
        }
    }

    @Test
    void aClosedEvaluatorRefusesWork() throws Exception {
        Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"));
        evaluator.evaluate(Map.of());
        evaluator.close();
        evaluator.close();
        assertThrows(IllegalStateException.class, () -> evaluator.evaluate(Map.of()));
        assertThrows(IllegalStateException.class, () -> evaluator.evaluateBatch(new double[3], new double[4]));
        assertThrows(IllegalStateException.class, evaluator::verify);
    }

    @Test
    void closingWhileAnotherThreadScoresNeverCrashes() throws Exception {
        Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"));
        Map<String, Object> record = Map.of("age", 25, "income", 30000.0, "sector", "private");
        AtomicReference<RuntimeException> ended = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                while (true)
                    evaluator.evaluate(record);
            } catch (RuntimeException e) {
                ended.set(e);
            }
        });
        worker.start();
        Thread.sleep(200);
        evaluator.close();
        worker.join(10_000);
        RuntimeException e = ended.get();
        assertTrue(e instanceof IllegalStateException || e instanceof PmmlException p && p.isClosedHandle(), String.valueOf(e));
    }

    @Test
    void forgedHandlesAreRefused() throws Exception {
        TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml")).close();
        for (long handle : new long[] {0, -1, 42, Long.MAX_VALUE, (7L << 32) | 3}) {
            assertTrue(assertThrows(PmmlException.class, () -> NativeEngine.describe(handle)).isClosedHandle());
            assertTrue(assertThrows(PmmlException.class, () -> NativeEngine.createScorer(handle)).isClosedHandle());
            assertTrue(assertThrows(PmmlException.class, () -> NativeEngine.release(handle)).isClosedHandle());
        }
    }

    @Test
    void aBuilderWithoutADocumentSaysSo() {
        assertThrows(IllegalStateException.class, () -> new EvaluatorBuilder().build());
    }
}
