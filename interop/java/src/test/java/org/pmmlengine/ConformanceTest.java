package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance case scored through the binding equals the C# API's result: interop/build.sh ran pmml-score on
 * each case first, and each Java value must be the very number (bit for bit), text or category it wrote, and each
 * rejected record the same error; a model the C# API refuses, the binding refuses with the same message.
 */
class ConformanceTest {
    @TestFactory
    Stream<DynamicTest> everyCaseEqualsTheCSharpApi() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestData.conformance().resolve("cases.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank())
                continue;
            String[] columns = line.split("\t", -1);
            tests.add(DynamicTest.dynamicTest(columns[0], () -> check(columns[0], columns[1], columns[2])));
        }
        return tests.stream();
    }

    private static void check(String name, String pmml, String input) throws IOException {
        Path reference = TestData.csharpResults().resolve(name.replace("/", "__") + ".csv");
        Path model = TestData.conformance().resolve(pmml);
        if (!Files.exists(reference) || Files.size(reference) == 0) {
            // The C# API refused the model (the .NET conformance suite fails the case with that reason): the binding
            // must refuse it with the same message.
            String reason = Files.readString(TestData.csharpResults().resolve(name.replace("/", "__") + ".err")).trim();
            PmmlException refused = assertThrows(PmmlException.class, () -> TestData.load(model), reason);
            assertTrue(reason.endsWith(": " + refused.getMessage()), () -> "C#: " + reason + "\nJava: " + refused.getMessage());
            return;
        }
        List<Map<String, String>> rows = TestData.readCsv(TestData.conformance().resolve(input));
        List<Map<String, String>> expected = TestData.readCsv(reference);
        assertEquals(rows.size(), expected.size(), "row count");
        try (Evaluator evaluator = TestData.load(model)) {
            List<ModelField> results = new ArrayList<>();
            results.addAll(evaluator.getTargetFields());
            for (OutputField output : evaluator.getOutputFields())
                if (results.stream().noneMatch(r -> r.getName().equals(output.getName())))
                    results.add(output);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> want = expected.get(i);
                String error = want.get("error");
                Map<String, Object> got;
                try {
                    got = evaluator.evaluate(TestData.arguments(rows.get(i)));
                } catch (EvaluationException e) {
                    assertEquals(error, "row " + (i + 1) + ": " + e.getMessage(), "row " + (i + 1));
                    continue;
                }
                assertEquals("", error, "row " + (i + 1) + ": C# rejected the record, Java did not");
                for (ModelField field : results) {
                    String text = want.get(field.getName());
                    Object value = got.get(field.getName());
                    assertTrue(same(value, text), () -> "row " + want + ": " + field.getName() + " C# " + text + ", Java " + value);
                }
            }
        }
    }

    /** Whether a Java value is exactly what pmml-score wrote (shortest round-trip numbers, empty when missing). */
    static boolean same(Object value, String text) {
        if (value == null)
            return text.isEmpty();
        if (value instanceof Double d)
            return Double.doubleToLongBits(d) == Double.doubleToLongBits(Double.parseDouble(text));
        if (value instanceof Float f)
            return Float.floatToIntBits(f) == Float.floatToIntBits(Float.parseFloat(text));
        if (value instanceof Integer || value instanceof Long)
            return ((Number) value).longValue() == Long.parseLong(text);
        if (value instanceof LocalDate date)
            return date.toString().equals(text);
        if (value instanceof LocalDateTime instant)
            return instant.format(DateTimeFormatter.ofPattern(instant.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss")).equals(text);
        return value.toString().equals(text);
    }
}
