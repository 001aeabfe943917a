package org.danvan.web.petitions;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Petitions as anyone may read them, and the body of an online signature. */
public final class PetitionApi {

    private PetitionApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Petition(String id, String title, String text, String responsibleUnitId, LocalDate openedOn,
            LocalDate signingClosesOn, String status, int signatures, String answer) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public record Signature(String name, String idNumber) {
    }
}
