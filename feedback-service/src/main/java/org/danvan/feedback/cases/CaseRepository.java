package org.danvan.feedback.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseRepository extends MongoRepository<CaseDocument, String> {

    Optional<CaseDocument> findByTrackingCode(String trackingCode);

    List<CaseDocument> findByStatusIn(Collection<CaseStatus> statuses);

    /** The cases a subtree handles or that concern an area in it: a search reads only these. */
    List<CaseDocument> findByResponsibleUnitIdInOrAreaUnitIdIn(Collection<String> responsible, Collection<String> areas);

    List<CaseDocument> findByResponsibleUnitIdIn(Collection<String> units);

    List<CaseDocument> findByResponsibleUnitIdInAndStatusIn(Collection<String> units, Collection<CaseStatus> statuses);
}
