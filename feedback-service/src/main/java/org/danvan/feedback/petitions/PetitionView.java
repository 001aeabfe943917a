package org.danvan.feedback.petitions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A petition as anyone may read it: counts, duties and flags, never who signed. */
record PetitionView(String id, String title, String text, String responsibleUnitId, LocalDate openedOn,
        LocalDate signingClosesOn, PetitionStatus status, int signatures, int onlineSignatures, int paperSignatures,
        List<PetitionDocument.Duty> duties, Map<String, Integer> flags, LocalDate answeredOn, String answer, long version) {

    static PetitionView of(PetitionDocument p) {
        return new PetitionView(p.id, p.title, p.text, p.responsibleUnitId, p.openedOn, p.signingClosesOn, p.status,
                p.signatures(), p.onlineSignatures, p.paperSignatures, p.duties, p.flags, p.answeredOn, p.answer,
                p.storeVersion == null ? 0 : p.storeVersion);
    }
}
