package org.pmmlengine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The binding's side of interop/bench.sh: the figures `pmml-score bench --json` prints for the C# API, measured the
 * same way through Java. Warm µs per row of evaluate(Map) with the CSV's text as values (the engine parses them, as
 * the C# figure does; "", NA and N/A are missing), median of 5 passes after at least 3 s of warm-up; batch rows/s of
 * evaluateBatch(double[]) on all cores over the CSV's rows whose cells the numeric layout carries, repeated to at
 * least 200,000 rows, best of 3 after 3 s of warm-up (null when no row fits, as for a free-text document). Not a
 * test: run with
 * {@code java -cp target/classes:target/test-classes org.pmmlengine.BindingBenchmark MODEL CSV}.
 */
public final class BindingBenchmark {
    private BindingBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Map<String, String>> rows = TestData.readCsv(Path.of(args[1]));
        try (Evaluator evaluator = TestData.load(Path.of(args[0]))) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (Map<String, String> row : rows)
                records.add(TestData.arguments(row));
            double sink = 0;
            long warmUntil = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < warmUntil)
                sink += pass(evaluator, records);
            double[] passes = new double[5];
            for (int p = 0; p < passes.length; p++) {
                long start = System.nanoTime();
                sink += pass(evaluator, records);
                passes[p] = (System.nanoTime() - start) / 1e3 / records.size();
            }
            Arrays.sort(passes);
            Double batch = batch(evaluator, rows);
            System.out.printf("{\"warm_us_per_row\": %.4f, \"batch_rows_per_s\": %s, \"sink\": %.1f}%n", passes[2],
                batch == null ? "null" : String.format("%.0f", batch), sink % 10);
        }
    }

    private static double pass(Evaluator evaluator, List<Map<String, Object>> records) {
        double sink = 0;
        for (Map<String, Object> record : records) {
            try {
                Map<String, Object> results = evaluator.evaluate(record);
                sink += results.size();
            } catch (EvaluationException e) {
                sink -= 1;
            }
        }
        return sink;
    }

    private static Double batch(Evaluator evaluator, List<Map<String, String>> rows) {
        List<InputField> fields = evaluator.getInputFields();
        int width = fields.size();
        List<double[]> carried = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, Object> cells = TestData.arguments(row);
            double[] line = new double[width];
            boolean fits = true;
            for (int i = 0; i < width && fits; i++) {
                Double code = encode(fields.get(i), (String) cells.get(fields.get(i).getName()));
                fits = code != null;
                line[i] = fits ? code : Double.NaN;
            }
            if (fits)
                carried.add(line);
        }
        if (carried.isEmpty())
            return null;
        int copies = Math.max(1, 200_000 / carried.size());
        double[] inputs = new double[carried.size() * width * copies];
        for (int c = 0; c < copies; c++)
            for (int r = 0; r < carried.size(); r++)
                System.arraycopy(carried.get(r), 0, inputs, (c * carried.size() + r) * width, width);
        double[] results = new double[carried.size() * copies * evaluator.getResultNames().size()];
        // As long as the C# figure warms up: the batch runs engine code the record passes never reached.
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        do
            evaluator.evaluateBatch(inputs, results);
        while (System.nanoTime() < warmUntil);
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            evaluator.evaluateBatch(inputs, results);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return carried.size() * copies / best;
    }

    /** The cell's batch code, or null where the layout cannot carry it (text for a number, an unlisted category). */
    private static Double encode(InputField field, String text) {
        if (text == null)
            return Double.NaN;
        if (!field.getValues().isEmpty() && field.getOpType() != OpType.CONTINUOUS && field.getDataType() == DataType.STRING) {
            int code = field.getValues().indexOf(text);
            return code < 0 ? null : (double) code;
        }
        if (field.getDataType() == DataType.STRING)
            return null;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
