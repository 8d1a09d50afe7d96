package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch calls equal record-by-record scoring, from heap arrays and from direct buffers alike. */
class BatchTest {
    /** Cases as tool/model/input: RapidMiner's models report their predictions as text, listed by the outputs' categories. */
    @ParameterizedTest
    @ValueSource(strings = {"sklearn-xgboost-lightgbm/GradientBoostingAudit/Audit", "sklearn-xgboost-lightgbm/LightGBMAudit/Audit",
        "sklearn-xgboost-lightgbm/RandomForestAudit/Audit", "sklearn-xgboost-lightgbm/LogisticRegressionAudit/Audit",
        "rapidminer/DecisionTreeIris/Iris", "rapidminer/KMeansIris/Iris"})
    void batchEqualsEvaluate(String testCase) throws Exception {
        String[] parts = testCase.split("/");
        Path dir = TestData.conformance().resolve(parts[0]);
        List<Map<String, String>> rows = TestData.readCsv(dir.resolve("csv/" + parts[2] + ".csv"));
        try (Evaluator evaluator = TestData.load(dir.resolve("pmml/" + parts[1] + ".pmml"))) {
            List<InputField> inputs = evaluator.getInputFields();
            List<String> names = evaluator.getResultNames();
            double[] matrix = new double[rows.size() * inputs.size()];
            double[] expected = new double[rows.size() * names.size()];
            for (int r = 0; r < rows.size(); r++) {
                Map<String, Object> arguments = TestData.arguments(rows.get(r));
                for (int c = 0; c < inputs.size(); c++)
                    matrix[r * inputs.size() + c] = number(inputs.get(c), arguments.get(inputs.get(c).getName()));
                Map<String, Object> results = evaluator.evaluate(arguments);
                for (int c = 0; c < names.size(); c++)
                    expected[r * names.size() + c] = result(evaluator, names.get(c), results.get(names.get(c)));
            }

            double[] fromArrays = new double[expected.length];
            assertEquals(0, evaluator.evaluateBatch(matrix, fromArrays, 2));
            assertArrayEquals(expected, fromArrays);

            DoubleBuffer in = direct(matrix.length + 3).position(3);
            in.put(matrix).position(3);
            DoubleBuffer out = direct(expected.length);
            assertEquals(0, evaluator.evaluateBatch(in, out, 1));
            double[] fromBuffers = new double[expected.length];
            out.get(0, fromBuffers);
            assertArrayEquals(expected, fromBuffers);
            assertEquals(3, in.position(), "the input buffer's position is left alone");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void aShapeThatDoesNotMatchTheModelIsRefused(int extra) throws Exception {
        try (Evaluator evaluator = TestData.load(TestData.samples().resolve("gbdt-ensemble.pmml"))) {
            int inputs = evaluator.getInputFields().size();
            PmmlException e = assertThrows(PmmlException.class,
                    () -> evaluator.evaluateBatch(new double[inputs * 2 + extra], new double[evaluator.getResultNames().size() * 2]));
            assertEquals(PmmlException.class, e.getClass(), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> evaluator.evaluateBatch(DoubleBuffer.allocate(inputs), DoubleBuffer.allocate(4), 1));
        }
    }

    private static DoubleBuffer direct(int doubles) {
        return ByteBuffer.allocateDirect(8 * doubles).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** A categorical value is its index among the field's values; missing and unknown values are NaN. */
    private static double number(InputField field, Object cell) {
        if (cell == null)
            return Double.NaN;
        if (!field.getValues().isEmpty() && field.getOpType() != OpType.CONTINUOUS) {
            for (int i = 0; i < field.getValues().size(); i++)
                if (field.getValues().get(i).toString().equals(cell))
                    return i;
            return Double.NaN;
        }
        return Double.parseDouble(cell.toString());
    }

    private static double result(Evaluator evaluator, String name, Object value) {
        if (value == null)
            return Double.NaN;
        for (TargetField target : evaluator.getTargetFields())
            if (target.getName().equals(name) && !target.getCategories().isEmpty())
                return target.getCategories().indexOf(value);
        for (OutputField output : evaluator.getOutputFields())
            if (output.getName().equals(name) && !output.getCategories().isEmpty())
                return output.getCategories().indexOf(value);
        return ((Number) value).doubleValue();
    }
}
