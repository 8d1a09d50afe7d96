package org.pmmlengine;

/** What the top-level model computes. */
public enum MiningFunction {
    REGRESSION, CLASSIFICATION, CLUSTERING, ASSOCIATION_RULES, SEQUENCES, TIME_SERIES, MIXED
}
