package org.danvan.reporting.catalogue;

/** One kind of raw value units report: a count, an amount or a yes/no answer. */
public record DataElement(String code, LocalizedText name, ValueType valueType, AggregationType aggregation) {
}
