package org.danvan.reporting.aggregates;

/**
 * A subtree's standing on one form over one period, summed over the units that owe it.
 *
 * @param reported units with every report they owe in the period accepted
 * @param received owed reports accepted
 * @param late     of those, first submitted after their due date
 */
record FormTally(int reported, int received, int late) {

    static final FormTally NONE = new FormTally(0, 0, 0);

    FormTally plus(FormTally other) {
        return new FormTally(reported + other.reported, received + other.received, late + other.late);
    }
}
