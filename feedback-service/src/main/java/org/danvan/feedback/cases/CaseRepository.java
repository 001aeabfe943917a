package org.danvan.feedback.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseRepository extends MongoRepository<CaseDocument, String> {

    Optional<CaseDocument> findByTrackingCode(String trackingCode);

    List<CaseDocument> findByStatusIn(Collection<CaseStatus> statuses);

    List<CaseDocument> findByResponsibleUnitIdInAndStatusIn(Collection<String> units, Collection<CaseStatus> statuses);
}
