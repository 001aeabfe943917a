package org.danvan.feedback.units;

/** What cases need to know of a unit: where it sits in today's tree. */
public record UnitInfo(String id, String name, String kind, String level, String parentId, boolean open) {
}
