package org.pmmlengine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the test data lives (system properties set by the pom) and a small RFC 4180 reader for it. */
final class TestData {
    private TestData() {}

    static Path conformance() {
        return Path.of(System.getProperty("conformance.dir", "../../../shared/conformance"));
    }

    static Path csharpResults() {
        return Path.of(System.getProperty("csharp.results", "../build/csharp-results"));
    }

    static Path samples() {
        return Path.of(System.getProperty("samples.dir", "../../pmml-samples"));
    }

    static Evaluator load(Path pmml) throws IOException {
        return new EvaluatorBuilder().load(pmml).build();
    }

    /** The rows of a CSV file with a header, each as column name to cell. */
    static List<Map<String, String>> readCsv(Path path) throws IOException {
        List<List<String>> records = parse(Files.readString(path, StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++)
                row.put(header.get(i), i < record.size() ? record.get(i) : "");
            rows.add(row);
        }
        return rows;
    }

    /** A row as pmml-score reads it: "", NA and N/A are missing. */
    static Map<String, Object> arguments(Map<String, String> row) {
        Map<String, Object> arguments = new HashMap<>();
        row.forEach((name, cell) -> arguments.put(name, cell.isEmpty() || cell.equals("NA") || cell.equals("N/A") ? null : cell));
        return arguments;
    }

    private static List<List<String>> parse(String text) {
        if (text.startsWith("\uFEFF"))
            text = text.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                // As Python's csv reads: a quote opens a quoted cell only at its start, elsewhere it is a character.
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')
                    i++;
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
