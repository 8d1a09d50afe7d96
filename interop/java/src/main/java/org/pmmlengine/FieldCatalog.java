package org.pmmlengine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluator's description, parsed from the text the engine writes (FieldCatalog.cs documents it). Results are the
 * targets then the outputs, a name listed once: the order the engine writes results in.
 */
record FieldCatalog(String modelType, MiningFunction function, Backend backend, List<String> fallbacks,
        List<InputField> inputs, List<TargetField> targets, List<OutputField> outputs, List<ModelField> results,
        List<Map<String, Integer>> categoryCodes) {

    static FieldCatalog parse(String text) {
        String modelType = "";
        MiningFunction function = null;
        Backend backend = null;
        List<String> fallbacks = List.of();
        List<InputField> inputs = new ArrayList<>();
        List<TargetField> targets = new ArrayList<>();
        List<OutputField> outputs = new ArrayList<>();
        for (String record : text.split("\u001D")) {
            String[] f = record.split("\u001F", -1);
            switch (f[0]) {
                case "model" -> {
                    modelType = f[1];
                    function = MiningFunction.valueOf(constant(f[2]));
                    backend = Backend.valueOf(constant(f[3]));
                    fallbacks = items(f[4]);
                }
                case "input" -> {
                    DataType type = DataType.valueOf(constant(f[2]));
                    List<Interval> intervals = new ArrayList<>();
                    for (String interval : items(f[5])) {
                        String[] parts = interval.split(" ");
                        String closure = Character.toLowerCase(parts[0].charAt(0)) + parts[0].substring(1);
                        intervals.add(new Interval(closure, Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
                    }
                    inputs.add(new InputField(f[1], type, OpType.valueOf(constant(f[3])), values(f[4], type), intervals));
                }
                case "target" -> {
                    DataType type = DataType.valueOf(constant(f[2]));
                    targets.add(new TargetField(f[1], type, OpType.valueOf(constant(f[3])), values(f[4], type)));
                }
                case "output" -> {
                    DataType type = DataType.valueOf(constant(f[2]));
                    String feature = f[4].isEmpty() ? "" : Character.toLowerCase(f[4].charAt(0)) + f[4].substring(1);
                    outputs.add(new OutputField(f[1], type, OpType.valueOf(constant(f[3])), feature, values(f[5], type)));
                }
                default -> throw new PmmlException("unexpected description record from the engine: " + f[0]);
            }
        }
        Map<String, ModelField> results = new LinkedHashMap<>();
        targets.forEach(t -> results.putIfAbsent(t.getName(), t));
        outputs.forEach(o -> results.putIfAbsent(o.getName(), o));
        List<Map<String, Integer>> codes = new ArrayList<>();
        for (InputField input : inputs)
            codes.add(categoryCodes(input));
        return new FieldCatalog(modelType, function, backend, fallbacks, List.copyOf(inputs), List.copyOf(targets),
                List.copyOf(outputs), List.copyOf(results.values()), Collections.unmodifiableList(codes));
    }

    /** A string categorical field's declared values to their positions; null for any other field. */
    private static Map<String, Integer> categoryCodes(InputField input) {
        if (input.getDataType() != DataType.STRING || input.getOpType() == OpType.CONTINUOUS || input.getValues().isEmpty())
            return null;
        Map<String, Integer> codes = new HashMap<>(input.getValues().size() * 2);
        for (int k = 0; k < input.getValues().size(); k++)
            codes.putIfAbsent((String) input.getValues().get(k), k);
        return Map.copyOf(codes);
    }

    /** The engine's enum spelling (DateDaysSince1970) as a Java constant (DATE_DAYS_SINCE_1970). */
    static String constant(String engineName) {
        return engineName.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static List<String> items(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\u001E", -1));
    }

    private static List<Object> values(String text, DataType type) {
        List<Object> values = new ArrayList<>();
        for (String item : items(text))
            values.add(value(item, type));
        return values;
    }

    /** A value in the Java type that {@link Evaluator#evaluate} returns for the data type. */
    static Object value(String text, DataType type) {
        return switch (type) {
            case INTEGER -> integer(Long.parseLong(text));
            case FLOAT -> Float.valueOf(text);
            case DOUBLE -> Double.valueOf(text);
            case BOOLEAN -> Boolean.valueOf(text);
            default -> text;
        };
    }

    /** Integers come back as Integer, as jpmml-evaluator returns them, and as Long beyond its range. */
    static Object integer(long value) {
        if (value == (int) value)
            return Integer.valueOf((int) value);
        return Long.valueOf(value);
    }
}
