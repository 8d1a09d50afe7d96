package org.pmmlengine;

/** A field of a model as a caller sees it. */
public abstract sealed class ModelField permits InputField, TargetField, OutputField {
    private final String name;
    private final DataType dataType;
    private final OpType opType;

    ModelField(String name, DataType dataType, OpType opType) {
        this.name = name;
        this.dataType = dataType;
        this.opType = opType;
    }

    public String getName() {
        return name;
    }

    public DataType getDataType() {
        return dataType;
    }

    public OpType getOpType() {
        return opType;
    }

    @Override
    public String toString() {
        return name + " (" + opType.name().toLowerCase() + " " + dataType.name().toLowerCase() + ")";
    }
}
