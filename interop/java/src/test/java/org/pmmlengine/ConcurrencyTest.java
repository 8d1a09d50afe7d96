package org.pmmlengine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One evaluator shared by many Java threads gives what one thread gives. */
class ConcurrencyTest {
    private static final int THREADS = 16;

    @Test
    void sixteenThreadsShareOneEvaluator() throws Exception {
        Path dir = TestData.conformance().resolve("sklearn-xgboost-lightgbm");
        List<Map<String, String>> rows = TestData.readCsv(dir.resolve("csv/Audit.csv"));
        try (Evaluator evaluator = TestData.load(dir.resolve("pmml/LightGBMAudit.pmml"))) {
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Map<String, String> row : rows)
                expected.add(evaluator.evaluate(TestData.arguments(row)));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<Map<String, Object>>>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t * 37;
                    futures.add(pool.submit(() -> {
                        // Each thread walks the rows from a different start, so threads score different records at once.
                        List<Map<String, Object>> got = new ArrayList<>(rows.size());
                        for (int pass = 0; pass < 5; pass++)
                            for (int i = 0; i < rows.size(); i++)
                                got.add(evaluator.evaluate(TestData.arguments(rows.get((i + offset) % rows.size()))));
                        return got;
                    }));
                }
                for (int t = 0; t < THREADS; t++) {
                    List<Map<String, Object>> got = futures.get(t).get();
                    for (int k = 0; k < got.size(); k++)
                        assertEquals(expected.get((k % rows.size() + t * 37) % rows.size()), got.get(k), "thread " + t + ", record " + k);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
