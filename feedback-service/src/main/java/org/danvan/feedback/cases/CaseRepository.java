package org.danvan.feedback.cases;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseRepository extends MongoRepository<Case, String> {

    Optional<Case> findByTrackingCode(String trackingCode);

    List<Case> findByStatusIn(Collection<CaseStatus> statuses);

    /** The cases a subtree handles or that concern an area in it: a search reads only these. */
    List<Case> findByResponsibleUnitIdInOrAreaUnitIdIn(Collection<String> responsible, Collection<String> areas);

    List<Case> findByResponsibleUnitIdIn(Collection<String> units);

    List<Case> findByResponsibleUnitIdInAndStatusIn(Collection<String> units, Collection<CaseStatus> statuses);
}
