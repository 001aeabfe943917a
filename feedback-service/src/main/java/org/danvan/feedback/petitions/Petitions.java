package org.danvan.feedback.petitions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.feedback.PetitionClosed;
import org.danvan.contracts.feedback.PetitionOpened;
import org.danvan.contracts.feedback.PetitionThresholdReached;
import org.danvan.feedback.identity.IdentityVault;
import org.danvan.feedback.units.UnitDirectory;
import org.danvan.feedback.units.UnitInfo;
import org.danvan.support.outbox.OutboxEvent;
import org.danvan.support.outbox.PendingOutboxIndex;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.InvalidRequestException;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.problem.PreconditionFailedException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.danvan.support.text.VietnameseText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Collective petitions. Many people sign at once, so every change to a petition is one atomic update
 * (counts incremented, a threshold's duty and its event pushed only by the update that finds it missing)
 * rather than a read-modify-write of the whole document. Signers are kept as a keyed HMAC of their ID
 * number; events carry counts only.
 */
@Service
public class Petitions {

    private static final String COLLECTION = "petitions";

    private final MongoTemplate mongo;
    private final PendingOutboxIndex outbox;
    private final UnitDirectory units;
    private final IdentityVault vault;
    private final PetitionsProperties properties;
    private final MeterRegistry meters;

    private final Clock clock;

    Petitions(MongoTemplate mongo, PendingOutboxIndex outbox, UnitDirectory units, IdentityVault vault,
            PetitionsProperties properties, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.units = units;
        this.vault = vault;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        meters.counter("danvan.petitions.signatures", "kind", "online");
        meters.counter("danvan.petitions.signatures", "kind", "paper");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    PetitionView open(PetitionRequests.Open request, Caller caller) {
        if (!caller.authenticated()) {
            throw new ForbiddenException(List.of(Roles.CITIZEN, Roles.CADRE, Roles.REVIEWER));
        }
        UnitInfo unit = units.find(request.responsibleUnitId()).filter(UnitInfo::open).orElseThrow(() -> new InvalidRequestException(
                List.of(new Violation("responsibleUnitId", "case.unknown-unit", request.responsibleUnitId()))));
        PetitionDocument petition = new PetitionDocument();
        petition.id = UUID.randomUUID().toString();
        petition.title = request.title();
        petition.text = request.text();
        petition.searchText = VietnameseText.fold(request.title() + " " + request.text());
        petition.responsibleUnitId = unit.id();
        petition.openedBy = caller.subject();
        petition.openedOn = today();
        petition.signingClosesOn = request.signingClosesOn();
        petition.status = PetitionStatus.OPEN;
        petition.storeVersion = 0L;
        petition.outbox.add(OutboxEvent.of(FeedbackContract.PETITION_OPENED, petition.id,
                new PetitionOpened(petition.id, unit.id(), petition.openedOn, petition.signingClosesOn)));
        mongo.insert(petition);
        outbox.mark(COLLECTION, petition.id);
        return PetitionView.of(petition);
    }

    /** A person signs online; the same ID number cannot sign the same petition twice. */
    PetitionView sign(String id, PetitionRequests.Sign request, String clientAddress) {
        PetitionDocument petition = find(id);
        requireOpen(petition, "sign");
        String source = vault.keyedDigest("petition-source", clientAddress);
        if (!record(petition, request, false, null, source)) {
            Update repeat = new Update().inc("repeatedAttempts", 1).inc("storeVersion", 1);
            PetitionDocument after = mongo.findAndModify(byId(id), repeat, FindAndModifyOptions.options().returnNew(true),
                    PetitionDocument.class);
            if (after != null && after.repeatedAttempts >= properties.repeatedIdentityAttempts()) {
                flag(id, "REPEATED_IDENTITY");
            }
            throw new PetitionProblems.AlreadySigned();
        }
        long recentFromSource = mongo.count(Query.query(Criteria.where("petitionId").is(id).and("source").is(source)
                .and("signedAt").gte(clock.instant().minus(properties.burstWindow()))), SignatureDocument.class);
        if (recentFromSource >= properties.burstSignatures()) {
            flag(id, "BURST_FROM_ONE_SOURCE");
        }
        meters.counter("danvan.petitions.signatures", "kind", "online").increment();
        return PetitionView.of(counted(id, "onlineSignatures", 1));
    }

    /** Staff enter a paper sheet; returns how many were new and the positions of those that had signed already. */
    PaperSheetResult enterSheet(String id, PetitionRequests.PaperSheet sheet, Caller caller) {
        PetitionDocument petition = find(id);
        requireStaffInScope(petition, caller);
        requireOpen(petition, "sign");
        List<Integer> duplicates = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < sheet.signatures().size(); i++) {
            if (record(petition, sheet.signatures().get(i), true, sheet.sheetRef(), "paper:" + sheet.sheetRef())) {
                accepted++;
            } else {
                duplicates.add(i);
            }
        }
        meters.counter("danvan.petitions.signatures", "kind", "paper").increment(accepted);
        return new PaperSheetResult(accepted, duplicates, PetitionView.of(accepted == 0 ? find(id) : counted(id, "paperSignatures", accepted)));
    }

    PetitionView close(String id, String ifMatch, Caller caller) {
        PetitionDocument petition = find(id);
        requireStaffInScope(petition, caller);
        PreconditionFailedException.check(ifMatch, petition.storeVersion);
        requireOpen(petition, "close");
        return finish(petition, PetitionStatus.CLOSED, null);
    }

    /** The written response; it fulfils a written-response duty and ends signing. The counts stay. */
    PetitionView answer(String id, PetitionRequests.Answer request, String ifMatch, Caller caller) {
        PetitionDocument petition = find(id);
        requireStaffInScope(petition, caller);
        PreconditionFailedException.check(ifMatch, petition.storeVersion);
        if (petition.status == PetitionStatus.ANSWERED) {
            throw new PetitionProblems.NotOpen("answer", petition.status);
        }
        return finish(petition, PetitionStatus.ANSWERED, request.answer());
    }

    /**
     * A dialogue session held about the petition fulfils its dialogue duty. Each write is guarded on the duty
     * still being unfulfilled, so the same session applied twice changes nothing.
     */
    public void dialogueHeld(String petitionId, LocalDate on) {
        PetitionDocument petition = find(petitionId);
        for (int i = 0; i < petition.duties.size(); i++) {
            PetitionDocument.Duty duty = petition.duties.get(i);
            if (duty.kind() == PetitionsProperties.Duty.DIALOGUE_SESSION && duty.fulfilledOn() == null) {
                String fulfilledOn = "duties." + i + ".fulfilledOn";
                mongo.updateFirst(Query.query(Criteria.where("_id").is(petitionId).and(fulfilledOn).is(null)),
                        new Update().set(fulfilledOn, on).inc("storeVersion", 1), PetitionDocument.class);
            }
        }
    }

    /** Whether a petition with this id exists and is the responsibility of a unit within {@code ancestorId}'s subtree. */
    public boolean existsWithin(String petitionId, String ancestorId) {
        PetitionDocument petition = mongo.findById(petitionId, PetitionDocument.class);
        return petition != null && units.isWithin(petition.responsibleUnitId, ancestorId);
    }

    PetitionView get(String id) {
        return PetitionView.of(find(id));
    }

    List<PetitionView> search(String unitId, PetitionStatus status, String text) {
        String folded = text == null ? null : VietnameseText.fold(text);
        Query query = new Query();
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        return mongo.find(query, PetitionDocument.class).stream()
                .filter(p -> unitId == null || units.isWithin(p.responsibleUnitId, unitId))
                .filter(p -> folded == null || java.util.Arrays.stream(folded.split("\\s+")).allMatch(p.searchText::contains))
                .sorted(Comparator.comparing((PetitionDocument p) -> p.openedOn).reversed())
                .map(PetitionView::of).toList();
    }

    private boolean record(PetitionDocument petition, PetitionRequests.Sign signer, boolean paper, String sheetRef, String source) {
        String normalised = signer.idNumber().replaceAll("\\D", "");
        if (normalised.length() != 9 && normalised.length() != 12) {
            throw new InvalidRequestException(List.of(new Violation("idNumber", "petition.bad-id-number")));
        }
        String key = petition.id + ":" + vault.keyedDigest("petition-signer", normalised);
        try {
            mongo.insert(new SignatureDocument(key, petition.id, signer.name(), paper, sheetRef, source, clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Adds to a count and creates the duty of every threshold the new total reaches, each exactly once. */
    private PetitionDocument counted(String id, String field, int added) {
        PetitionDocument after = mongo.findAndModify(byId(id), new Update().inc(field, added).inc("storeVersion", 1),
                FindAndModifyOptions.options().returnNew(true), PetitionDocument.class);
        int total = after.signatures();
        for (PetitionsProperties.Threshold threshold : properties.thresholds()) {
            if (total >= threshold.signatures()) {
                LocalDate reachedOn = today();
                LocalDate dueOn = reachedOn.plusDays(threshold.days());
                OutboxEvent event = OutboxEvent.of(FeedbackContract.PETITION_THRESHOLD_REACHED, id, new PetitionThresholdReached(
                        id, after.responsibleUnitId, threshold.signatures(), total, threshold.duty().name(), reachedOn, dueOn));
                // only the update that still finds the threshold missing adds its duty and event
                Query missing = Query.query(Criteria.where("_id").is(id).and("duties.threshold").ne(threshold.signatures()));
                Update duty = new Update()
                        .push("duties", mongo.getConverter().convertToMongoType(
                                new PetitionDocument.Duty(threshold.signatures(), threshold.duty(), reachedOn, dueOn, null)))
                        .push("outbox", mongo.getConverter().convertToMongoType(event))
                        .inc("storeVersion", 1);
                if (mongo.updateFirst(missing, duty, PetitionDocument.class).getModifiedCount() > 0) {
                    outbox.mark(COLLECTION, id);
                }
            }
        }
        return find(id);
    }

    private PetitionView finish(PetitionDocument petition, PetitionStatus status, String answer) {
        LocalDate on = today();
        Query unchanged = Query.query(Criteria.where("_id").is(petition.id).and("status").is(petition.status));
        Update update = new Update().set("status", status).inc("storeVersion", 1);
        if (petition.closedOn == null) {
            update.set("closedOn", on);
        }
        if (answer != null) {
            update.set("answer", answer).set("answeredOn", on);
            for (int i = 0; i < petition.duties.size(); i++) {
                if (petition.duties.get(i).kind() == PetitionsProperties.Duty.WRITTEN_RESPONSE && petition.duties.get(i).fulfilledOn() == null) {
                    update.set("duties." + i + ".fulfilledOn", on);
                }
            }
        }
        update.push("outbox", mongo.getConverter().convertToMongoType(OutboxEvent.of(FeedbackContract.PETITION_CLOSED, petition.id,
                new PetitionClosed(petition.id, petition.responsibleUnitId, on, petition.signatures(), petition.onlineSignatures,
                        petition.paperSignatures, answer != null))));
        if (mongo.updateFirst(unchanged, update, PetitionDocument.class).getModifiedCount() == 0) {
            throw new PetitionProblems.NotOpen(status == PetitionStatus.ANSWERED ? "answer" : "close", find(petition.id).status);
        }
        outbox.mark(COLLECTION, petition.id);
        return PetitionView.of(find(petition.id));
    }

    private void flag(String id, String flag) {
        mongo.updateFirst(byId(id), new Update().inc("flags." + flag, 1).inc("storeVersion", 1), PetitionDocument.class);
        meters.counter("danvan.petitions.flagged", "flag", flag).increment();
    }

    private void requireStaffInScope(PetitionDocument petition, Caller caller) {
        if (!caller.hasAny(Roles.CADRE, Roles.REVIEWER)) {
            throw new ForbiddenException(List.of(Roles.CADRE, Roles.REVIEWER));
        }
        if (caller.unitId() == null || !units.isWithin(petition.responsibleUnitId, caller.unitId())) {
            throw new ResourceNotFoundException("petition", petition.id);
        }
    }

    private void requireOpen(PetitionDocument petition, String action) {
        if (petition.status != PetitionStatus.OPEN || petition.signingClosesOn.isBefore(today())) {
            throw new PetitionProblems.NotOpen(action, petition.status);
        }
    }

    private PetitionDocument find(String id) {
        PetitionDocument petition = mongo.findById(id, PetitionDocument.class);
        if (petition == null) {
            throw new ResourceNotFoundException("petition", id);
        }
        return petition;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    record PaperSheetResult(int accepted, List<Integer> alreadySigned, PetitionView petition) {
    }
}
