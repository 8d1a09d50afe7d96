package org.pmmlengine;

import java.util.List;

/**
 * An OutputField of the model: what it reports, as the PMML result feature (probability, predictedValue...). A text
 * output of the predicted value or its display value lists the values it takes in batch-result index order.
 */
public final class OutputField extends ModelField {
    private final String resultFeature;
    private final List<Object> categories;

    OutputField(String name, DataType dataType, OpType opType, String resultFeature, List<Object> categories) {
        super(name, dataType, opType);
        this.resultFeature = resultFeature;
        this.categories = List.copyOf(categories);
    }

    /** The PMML feature name, or empty for a field the document computes with an expression only. */
    public String getResultFeature() {
        return resultFeature;
    }

    /** The values a text prediction output takes, as {@link Evaluator#evaluateBatch} indexes them; else empty. */
    public List<Object> getCategories() {
        return categories;
    }
}
