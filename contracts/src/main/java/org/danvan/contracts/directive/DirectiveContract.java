package org.danvan.contracts.directive;

import java.util.List;

import org.danvan.contracts.Topic;

/** Topics written by directive-service and the event types they carry. */
public final class DirectiveContract {

    public static final String UNIT_REGISTERED = "danvan.unit.registered.v1";
    public static final String UNIT_CHANGED = "danvan.unit.changed.v1";
    public static final String UNIT_CLOSED = "danvan.unit.closed.v1";
    public static final String DIRECTIVE_ISSUED = "danvan.directive.issued.v1";
    public static final String DIRECTIVE_AMENDED = "danvan.directive.amended.v1";
    public static final String DIRECTIVE_REVOKED = "danvan.directive.revoked.v1";
    public static final String DIRECTIVE_ACKNOWLEDGED = "danvan.directive.acknowledged.v1";
    public static final String DIRECTIVE_PLAN_FILED = "danvan.directive.plan-filed.v1";

    public static final Topic DIRECTIVES = new Topic(
            "danvan.directives.v1", "directive-service", "directive id",
            List.of(DIRECTIVE_ISSUED, DIRECTIVE_AMENDED, DIRECTIVE_REVOKED, DIRECTIVE_ACKNOWLEDGED, DIRECTIVE_PLAN_FILED),
            3, false);

    /** Compacted: every unit event carries the unit's whole state, so the latest record per unit suffices. */
    public static final Topic UNITS = new Topic(
            "danvan.units.v1", "directive-service", "unit id",
            List.of(UNIT_REGISTERED, UNIT_CHANGED, UNIT_CLOSED), 6, true);

    public static final List<Topic> TOPICS = List.of(UNITS, DIRECTIVES);

    private DirectiveContract() {
    }
}
