package org.danvan.reporting.cases;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What reporting-service keeps of one case: the steps the feedback figures count, each with the unit
 * responsible when it happened. A step's {@code key} (kind of step, round, deadline) is unique in the case,
 * so a redelivered or replayed event adds nothing; the steps are counted, never summed into running
 * totals, so the order they arrive in does not matter.
 */
// named by the generation of the figures this instance builds
@Document("#{@figureGeneration.collection('case_facts')}")
@CompoundIndex(name = "step_unit", def = "{'steps.unitId': 1}")
record CaseFactDocument(@Id String caseId, List<Step> steps) {

    CaseFactDocument {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * @param type     RECEIVED, RESOLVED, EXPLAINED, REOPENED, OVERDUE or MERGED
     * @param onTime   RESOLVED, EXPLAINED: by the due date
     * @param overLevel RECEIVED: filed with a unit above the responsible one
     * @param repeat   RECEIVED: the same matter was filed before
     */
    record Step(String key, String eventId, String type, String unitId, int round, LocalDate on, boolean onTime,
            boolean overLevel, boolean repeat) {
    }
}
