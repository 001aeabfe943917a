package org.danvan.contracts.feedback;

import java.time.LocalDate;

/**
 * {@code danvan.case.submitted.v1}, written by another portal: a case filed there. The CloudEvent's source
 * and {@code externalId} identify it, so a redelivered submission becomes the same single case. The
 * citizen's identity travels only on this inbound topic and is sealed on arrival.
 */
public record CaseSubmitted(
        String externalId,
        String kind,
        String subject,
        String content,
        String areaUnitId,
        LocalDate filedOn,
        Citizen citizen) {

    /** Who filed; absent for an anonymous filing. */
    public record Citizen(String name, String address, String phone, String email, String idNumber) {
    }
}
