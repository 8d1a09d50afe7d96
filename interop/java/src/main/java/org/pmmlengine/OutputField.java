package org.pmmlengine;

/** An OutputField of the model: what it reports, as the PMML result feature (probability, predictedValue...). */
public final class OutputField extends ModelField {
    private final String resultFeature;

    OutputField(String name, DataType dataType, OpType opType, String resultFeature) {
        super(name, dataType, opType);
        this.resultFeature = resultFeature;
    }

    /** The PMML feature name, or empty for a field the document computes with an expression only. */
    public String getResultFeature() {
        return resultFeature;
    }
}
