package org.danvan.reporting.catalogue;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("data_elements")
record DataElementDocument(@Id String code, LocalizedText name, ValueType valueType, AggregationType aggregation) {

    DataElement element() {
        return new DataElement(code, name, valueType, aggregation);
    }
}
