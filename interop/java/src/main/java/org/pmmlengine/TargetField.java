package org.pmmlengine;

import java.util.List;

/** A field the model predicts; a classification target lists its categories in batch-result index order. */
public final class TargetField extends ModelField {
    private final List<Object> categories;

    TargetField(String name, DataType dataType, OpType opType, List<Object> categories) {
        super(name, dataType, opType);
        this.categories = List.copyOf(categories);
    }

    public List<Object> getCategories() {
        return categories;
    }
}
