package org.pmmlengine;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-record wire format shared with the engine (RecordCodec.cs documents it): inputs in input field order, a
 * tag byte then the value, native byte order; the engine writes the results over them.
 */
final class RecordCodec {
    static final byte MISSING = 0, DOUBLE = 1, TEXT = 2, BOOLEAN = 3, FLOAT = 4, INTEGER = 5, TEMPORAL = 6, COLLECTION = 7,
            CATEGORY = 8;

    /** Integers beyond 2^53 are sent as text so that no digit is lost on the way to a double. */
    private static final long EXACT_DOUBLE = 1L << 53;

    private RecordCodec() {}

    /**
     * Writes the record's inputs into the session's buffer, growing it as needed; returns the bytes written. A string
     * that is one of a categorical field's declared values travels as its position in that list (no characters to
     * copy or compare on the engine's side); any other string goes as text for the engine to read and validate.
     */
    static int encode(FieldCatalog catalog, Map<String, ?> arguments, Session session) {
        List<InputField> inputs = catalog.inputs();
        int position = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Object value = arguments.get(inputs.get(i).getName());
            if (value instanceof String s) {
                Map<String, Integer> codes = catalog.categoryCodes().get(i);
                Integer code = codes == null ? null : codes.get(s);
                if (code != null) {
                    session.ensure(position + 5).put(position, CATEGORY).putInt(position + 1, code);
                    position += 5;
                } else {
                    position = text(session, position, s);
                }
            } else if (value == null) {
                session.ensure(position + 1).put(position++, MISSING);
            } else if (value instanceof Double || value instanceof Float || value instanceof Integer
                    || value instanceof Short || value instanceof Byte
                    || value instanceof Long l && Math.abs(l) <= EXACT_DOUBLE) {
                ByteBuffer buffer = session.ensure(position + 9);
                buffer.put(position, DOUBLE).putDouble(position + 1, ((Number) value).doubleValue());
                position += 9;
            } else {
                position = item(session, position, value, 0);
            }
        }
        return position;
    }

    /** The deepest nesting a collection may have (the engine refuses more): a sequence of transactions is two. */
    private static final int MAX_DEPTH = 8;

    /**
     * Writes one value: a number, boolean, text, or a collection (a transaction of items, or a sequence of them) as a
     * count followed by its items.
     */
    private static int item(Session session, int position, Object value, int depth) {
        if (value == null) {
            session.ensure(position + 1).put(position, MISSING);
            return position + 1;
        }
        if (value instanceof Double || value instanceof Float || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof Long l && Math.abs(l) <= EXACT_DOUBLE) {
            session.ensure(position + 9).put(position, DOUBLE).putDouble(position + 1, ((Number) value).doubleValue());
            return position + 9;
        }
        if (value instanceof Boolean b) {
            session.ensure(position + 2).put(position, BOOLEAN).put(position + 1, b ? (byte) 1 : (byte) 0);
            return position + 2;
        }
        Iterable<?> items = value instanceof Iterable<?> iterable ? iterable
                : value instanceof Object[] array ? java.util.Arrays.asList(array) : null;
        if (items == null)
            return text(session, position, text(value));
        if (depth >= MAX_DEPTH)
            throw new IllegalArgumentException("collections nest deeper than " + MAX_DEPTH + " levels");
        int countAt = position + 1;
        session.ensure(position + 5).put(position, COLLECTION);
        position += 5;
        int count = 0;
        for (Object item : items) {
            position = item(session, position, item, depth + 1);
            count++;
        }
        session.buffer().putInt(countAt, count);
        return position;
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static int text(Session session, int position, String text) {
        int length = text.length();
        ByteBuffer buffer = session.ensure(position + 5 + 2 * length);
        buffer.put(position, TEXT).putInt(position + 1, length);
        position += 5;
        for (int i = 0; i < length; i++, position += 2)
            buffer.putChar(position, text.charAt(i));
        return position;
    }

    /** Reads the results the engine wrote, keyed by result name in result order. */
    static Map<String, Object> decode(List<ModelField> results, ByteBuffer buffer) {
        Map<String, Object> values = new LinkedHashMap<>(results.size() * 2);
        int[] position = {0};
        for (ModelField field : results)
            values.put(field.getName(), read(buffer, position, field.getDataType()));
        return values;
    }

    private static Object read(ByteBuffer buffer, int[] cursor, DataType type) {
        int position = cursor[0];
        byte tag = buffer.get(position++);
        Object value;
        switch (tag) {
            case MISSING -> value = null;
            case DOUBLE -> { value = buffer.getDouble(position); position += 8; }
            case INTEGER -> { value = FieldCatalog.integer(buffer.getLong(position)); position += 8; }
            case FLOAT -> { value = buffer.getFloat(position); position += 4; }
            case BOOLEAN -> value = buffer.get(position++) != 0;
            case TEXT, TEMPORAL -> {
                int length = buffer.getInt(position);
                position += 4;
                char[] chars = new char[length];
                for (int i = 0; i < length; i++, position += 2)
                    chars[i] = buffer.getChar(position);
                String text = new String(chars);
                value = tag == TEXT ? text : temporal(text, type);
            }
            case COLLECTION -> {
                int count = buffer.getInt(position);
                cursor[0] = position + 4;
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++)
                    items.add(read(buffer, cursor, type));
                return Collections.unmodifiableList(items);
            }
            default -> throw new PmmlException("unexpected result tag " + tag + " from the engine");
        }
        cursor[0] = position;
        return value;
    }

    /** The engine writes yyyy-MM-ddTHH:mm:ss.fffffff; the field's type says which part the caller wants. */
    private static Object temporal(String text, DataType type) {
        LocalDateTime instant = LocalDateTime.parse(text);
        return switch (type) {
            case DATE -> instant.toLocalDate();
            case TIME -> instant.toLocalTime();
            default -> instant;
        };
    }
}
