package org.danvan.feedback.sessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface SessionRepository extends MongoRepository<Session, String> {

    /** Sessions held from {@code from} to {@code to}, both days included (a derived Between excludes both). */
    @Query("{ 'hostUnitId': { $in: ?0 }, 'heldOn': { $gte: ?1, $lte: ?2 } }")
    List<Session> findHeldBetween(Collection<String> units, LocalDate from, LocalDate to);

    List<Session> findByCommitmentsDueOnBefore(LocalDate date);
}
