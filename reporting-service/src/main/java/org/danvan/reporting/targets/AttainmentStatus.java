package org.danvan.reporting.targets;

/** How a unit (or a target's whole scope) stands against a target for a period. */
public enum AttainmentStatus {
    MET,
    NOT_MET,
    /** The period is still running and, at the current pace, the target will not be met. */
    AT_RISK,
    NO_DATA
}
