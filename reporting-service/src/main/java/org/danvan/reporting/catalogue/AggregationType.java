package org.danvan.reporting.catalogue;

/** How a data element's values combine over units and over periods (the rules follow DHIS2). */
public enum AggregationType {
    /** Flows (classes held, models built): summed over units and over periods. */
    SUM,
    /** Stocks (members, residents): each unit's latest value in the period, then summed over units. */
    LAST_IN_PERIOD,
    /** The number of units whose report carries the element, whatever its value. */
    COUNT_OF_UNITS,
    /** A yes/no answer per unit: the number of units that answered yes. */
    YES_NO
}
