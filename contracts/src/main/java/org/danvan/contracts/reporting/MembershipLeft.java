package org.danvan.contracts.reporting;

import java.time.LocalDate;

/** {@code danvan.membership.left.v1}, written by a mass organisation's registry: a member left the branch at {@code unitId}. */
public record MembershipLeft(String organisation, String unitId, String memberId, LocalDate leftOn) {
}
