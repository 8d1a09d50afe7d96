package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field descriptions and value types a jpmml-evaluator user expects. */
class FieldsTest {
    @Test
    void describesInputsTargetsAndOutputs() throws Exception {
        try (Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"))) {
            assertEquals("MiningModel", evaluator.getModelType());
            assertEquals(MiningFunction.CLASSIFICATION, evaluator.getMiningFunction());
            assertEquals(Backend.COMPILED, evaluator.getBackend());
            assertEquals(List.of(), evaluator.getCompilationFallbacks());
            List<InputField> inputs = evaluator.getInputFields();
            assertEquals(List.of("age", "income", "sector"), inputs.stream().map(ModelField::getName).toList());
            assertEquals(DataType.INTEGER, inputs.get(0).getDataType());
            assertEquals(OpType.CATEGORICAL, inputs.get(2).getOpType());
            assertEquals(List.of("private", "public", "self"), inputs.get(2).getValues());
            TargetField target = evaluator.getTargetFields().get(0);
            assertEquals("default", target.getName());
            assertEquals(List.of(0, 1), target.getCategories());
            assertEquals(List.of("default", "margin", "probability(0)", "probability(1)"), evaluator.getResultNames());
            assertEquals("probability", evaluator.getOutputFields().get(1).getResultFeature());

            Map<String, Object> results = evaluator.evaluate(Map.of("age", 25, "income", 30000.0, "sector", "private"));
            assertEquals(List.copyOf(results.keySet()), evaluator.getResultNames());
            assertEquals(0, results.get("default"));
            assertEquals(0.815702739717633, (Double) results.get("probability(0)"), 0.0);
        }
    }

    @Test
    void acceptsJavaValuesOfEveryCommonType() throws Exception {
        try (Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"))) {
            Map<String, Object> expected = evaluator.evaluate(Map.of("age", "25", "income", "30000", "sector", "private"));
            assertEquals(expected, evaluator.evaluate(Map.of("age", 25L, "income", 30000, "sector", "private")));
            assertEquals(expected, evaluator.evaluate(Map.of("age", (short) 25, "income", 30000.0f, "sector", "private")));
            assertEquals(expected, evaluator.evaluate(Map.of("age", new java.math.BigDecimal("25"), "income",
                    java.math.BigInteger.valueOf(30000), "sector", new StringBuilder("private"))));
        }
    }

    @Test
    void temporalResultsComeBackAsJavaTime() throws Exception {
        String document = "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><Header/><DataDictionary>"
                + "<DataField name=\"day\" optype=\"continuous\" dataType=\"date\"/>"
                + "<DataField name=\"y\" optype=\"continuous\" dataType=\"double\"/></DataDictionary>"
                + "<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"day\"/>"
                + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema>"
                + "<Output><OutputField name=\"echo\" dataType=\"date\" optype=\"continuous\" feature=\"transformedValue\">"
                + "<FieldRef field=\"day\"/></OutputField></Output>"
                + "<RegressionTable intercept=\"1\"/></RegressionModel></PMML>";
        try (Evaluator evaluator = new EvaluatorBuilder().load(document.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build()) {
            Map<String, Object> results = evaluator.evaluate(Map.of("day", LocalDate.of(2024, 2, 29)));
            assertEquals(LocalDate.of(2024, 2, 29), results.get("echo"));
            assertTrue(evaluator.evaluate(Map.of()).containsKey("echo"));
        }
    }
}
