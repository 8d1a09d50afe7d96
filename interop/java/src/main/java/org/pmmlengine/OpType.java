package org.pmmlengine;

/** PMML operational types. */
public enum OpType {
    CATEGORICAL, ORDINAL, CONTINUOUS
}
