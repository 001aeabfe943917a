package org.danvan.contracts.reporting;

import java.time.LocalDate;

/**
 * {@code danvan.membership.enrolled.v1}, written by a mass organisation's registry: a member joined the
 * organisation's branch at {@code unitId}. {@code memberId} is the registry's pseudonym, never a name;
 * {@code active} says whether the member takes part in activities and movements.
 */
public record MembershipEnrolled(String organisation, String unitId, String memberId, LocalDate enrolledOn,
        boolean active) {
}
