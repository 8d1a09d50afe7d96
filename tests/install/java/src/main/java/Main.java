// The throwaway Java program tests/install-paths.sh compiles against org.pmmlengine:pmmlengine from a local Maven
// repository: it scores a sample CSV and compares every result with the sample's expected CSV.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pmmlengine.Evaluator;
import org.pmmlengine.EvaluatorBuilder;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> input = Files.readAllLines(Path.of(args[1]));
        List<String> expected = Files.readAllLines(Path.of(args[2]));
        String[] header = input.get(0).split(",", -1);
        String[] expectedHeader = expected.get(0).split(",", -1);
        int mismatches = 0;
        try (Evaluator evaluator = new EvaluatorBuilder().load(Path.of(args[0])).build()) {
            for (int row = 1; row < input.size(); row++) {
                String[] cells = input.get(row).split(",", -1);
                Map<String, Object> arguments = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    // As pmml-score reads CSV: empty cells and NA are missing values.
                    arguments.put(header[i], cells[i].isEmpty() || cells[i].equals("NA") ? null : cells[i]);
                }
                Map<String, Object> results = evaluator.evaluate(arguments);
                String[] wanted = expected.get(row).split(",", -1);
                for (int i = 0; i < expectedHeader.length; i++) {
                    if (expectedHeader[i].equals("error")) {
                        continue;
                    }
                    Object actual = results.get(expectedHeader[i]);
                    boolean same = actual instanceof Double d
                        ? d == Double.parseDouble(wanted[i])
                        : String.valueOf(actual).equals(wanted[i]);
                    if (!same) {
                        System.err.println("row " + row + ", " + expectedHeader[i] + ": " + actual + " != " + wanted[i]);
                        mismatches++;
                    }
                }
            }
        }
        System.out.println((input.size() - 1) + " rows scored, " + mismatches + " mismatches");
        System.exit(mismatches == 0 ? 0 : 1);
    }
}
