package org.danvan.contracts.feedback;

import java.time.LocalDate;

/**
 * {@code danvan.session.held.v1}: a citizen-reception day ({@code RECEPTION_DAY}) or a dialogue conference
 * ({@code DIALOGUE}) hosted by a unit; {@code hostedBySecretary} counts it towards the secretary's duty.
 */
public record SessionHeld(String sessionId, String kind, String hostUnitId, boolean hostedBySecretary, LocalDate heldOn,
        int attendees, int matters, int commitments) {
}
