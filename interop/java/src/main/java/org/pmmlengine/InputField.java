package org.pmmlengine;

import java.util.List;

/**
 * A field a record supplies. For a categorical field, {@link #getValues()} lists its valid values in the order batch
 * scoring numbers them (a category is given to {@link Evaluator#evaluateBatch} as its index in this list).
 */
public final class InputField extends ModelField {
    private final List<Object> values;
    private final List<Interval> intervals;

    InputField(String name, DataType dataType, OpType opType, List<Object> values, List<Interval> intervals) {
        super(name, dataType, opType);
        this.values = List.copyOf(values);
        this.intervals = List.copyOf(intervals);
    }

    /** The declared valid values, empty when the field declares none. */
    public List<Object> getValues() {
        return values;
    }

    /** The declared valid intervals of a continuous field, empty when it declares none. */
    public List<Interval> getIntervals() {
        return intervals;
    }
}
