package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SessionRepository extends MongoRepository<SessionDocument, String> {

    List<SessionDocument> findByHostUnitIdInAndHeldOnBetween(Collection<String> units, LocalDate from, LocalDate to);

    List<SessionDocument> findByCommitmentsDueOnBefore(LocalDate date);
}
