package org.danvan.reporting.catalogue;

/** What a data element's raw value is. */
public enum ValueType {
    /** A count: a whole number, never negative. */
    INTEGER,
    /** An amount: never negative, may have decimals. */
    NUMBER,
    /** Yes or no. */
    BOOLEAN
}
