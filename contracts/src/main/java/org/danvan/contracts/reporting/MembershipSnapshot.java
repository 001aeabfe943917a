package org.danvan.contracts.reporting;

import java.time.LocalDate;

/**
 * {@code danvan.membership.snapshot.v1}, written by a mass organisation's registry: the branch at
 * {@code unitId} had {@code members} members on {@code asOf}, {@code activeMembers} of them active. A
 * snapshot replaces everything the registry said about the branch up to that date.
 */
public record MembershipSnapshot(String organisation, String unitId, LocalDate asOf, int members, int activeMembers) {
}
