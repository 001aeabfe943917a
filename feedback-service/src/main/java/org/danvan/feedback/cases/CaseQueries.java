package org.danvan.feedback.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.danvan.feedback.cases.CaseAccess.Need;
import org.danvan.feedback.deadlines.Deadlines;
import org.danvan.feedback.identity.CitizenIdentity;
import org.danvan.feedback.identity.IdentityAccess;
import org.danvan.feedback.identity.IdentityVault;
import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.problem.ResourceNotFoundException;
import org.danvan.support.security.Caller;
import org.danvan.support.security.Roles;
import org.danvan.support.text.VietnameseText;
import org.springframework.stereotype.Service;

/** Reads across cases: search, duplicate suggestions, hotspots per unit and the audited identities behind a case. */
@Service
class CaseQueries {

    private static final List<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::open).toList();

    private final CaseRepository repository;
    private final CaseAccess access;
    private final IdentityVault vault;
    private final CasesProperties properties;
    private final Clock clock;
    private final Deadlines deadlines;

    CaseQueries(CaseRepository repository, CaseAccess access, IdentityVault vault, CasesProperties properties, Clock clock,
            Deadlines deadlines) {
        this.deadlines = deadlines;
        this.repository = repository;
        this.access = access;
        this.vault = vault;
        this.properties = properties;
        this.clock = clock;
    }

    /** Cases in the caller's subtree, optionally of one unit's subtree, status and kind, matching words without diacritics. */
    List<CaseView> search(String unitId, CaseStatus status, CaseKind kind, String text, Caller caller) {
        Set<String> within = access.scope(unitId, caller);
        String folded = text == null ? null : VietnameseText.fold(text);
        LocalDate today = LocalDate.now(clock);
        return repository.findByResponsibleUnitIdInOrAreaUnitIdIn(within, within).stream()
                .filter(c -> status == null || c.status == status)
                .filter(c -> kind == null || c.kind == kind)
                .filter(c -> folded == null || Arrays.stream(folded.split("\\s+")).allMatch(c.searchText::contains))
                .sorted(Comparator.comparing((Case c) -> c.receivedOn).reversed())
                .map(c -> CaseView.of(c, today, properties.prolongedAfterDays(), deadlines)).toList();
    }

    /** Open cases of the same kind and responsible unit whose words overlap most with this one's. */
    List<DuplicateCandidate> duplicates(String id, Caller caller) {
        Case c = access.load(id, null, caller, Need.READ);
        Set<String> words = words(c.searchText);
        return repository.findByResponsibleUnitIdInAndStatusIn(List.of(c.responsibleUnitId), OPEN).stream()
                .filter(other -> !other.id.equals(c.id) && other.kind == c.kind)
                .map(other -> new DuplicateCandidate(other.id, other.trackingCode, other.subject, other.receivedOn,
                        similarity(words, words(other.searchText))))
                .filter(candidate -> candidate.similarity() >= 0.3)
                .sorted(Comparator.comparingDouble(DuplicateCandidate::similarity).reversed())
                .toList();
    }

    /** Per unit of the caller's subtree: open, overdue, over-level, prolonged and repeated matters. */
    List<Hotspot> hotspots(String unitId, Caller caller) {
        Set<String> within = access.scope(unitId, caller);
        LocalDate today = LocalDate.now(clock);
        return repository.findByResponsibleUnitIdIn(within).stream()
                .collect(Collectors.groupingBy(c -> c.responsibleUnitId))
                .entrySet().stream()
                .map(e -> new Hotspot(e.getKey(),
                        e.getValue().stream().filter(c -> c.status.open()).count(),
                        e.getValue().stream().filter(c -> c.overdue(today)).count(),
                        e.getValue().stream().filter(c -> c.overLevel).count(),
                        e.getValue().stream().filter(c -> c.prolonged(today, properties.prolongedAfterDays())).count(),
                        e.getValue().stream().mapToLong(c -> c.repeats + (c.repeatOfCaseId == null ? 0 : 1)).sum()))
                .sorted(Comparator.comparingLong(Hotspot::prolonged).thenComparingLong(Hotspot::overLevel).reversed())
                .toList();
    }

    /** The identities behind a case, for a role allowed to see them in its subtree; every attempt is audited. */
    List<CitizenIdentity> identities(String id, String purpose, Caller caller) {
        Case c = repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("case", id));
        List<String> allowed = identityReaders(c);
        if (!caller.hasAny(allowed.toArray(String[]::new)) || !access.inScope(c, caller)) {
            vault.refused(id, caller.subject(), caller.unitId(), purpose);
            throw new ForbiddenException(allowed);
        }
        return vault.reveal(id, c.complainants.stream().map(Case.Complainant::identityRef).toList(),
                caller.subject(), caller.unitId(), purpose);
    }

    /**
     * Who opened a case's identities, when and why: as secret as the identities themselves, so the same roles
     * may read it, and only within their subtree (out of scope, like an unknown case, is not found).
     */
    List<IdentityAccess> identityAccessLog(String id, Caller caller) {
        Case c = repository.findById(id).orElseThrow(() -> new ResourceNotFoundException("case", id));
        CaseAccess.requireRole(caller, identityReaders(c));
        if (!access.inScope(c, caller)) {
            throw new ResourceNotFoundException("case", id);
        }
        return vault.accessLog(id);
    }

    private static List<String> identityReaders(Case c) {
        return c.kind.confidential() ? List.of(Roles.CONFIDENTIAL_HANDLER) : CaseAccess.STAFF;
    }

    private static Set<String> words(String folded) {
        return Arrays.stream(folded.split("[^a-z0-9]+")).filter(w -> w.length() > 2).collect(Collectors.toSet());
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    record DuplicateCandidate(String caseId, String trackingCode, String subject, LocalDate receivedOn, double similarity) {
    }

    record Hotspot(String unitId, long open, long overdue, long overLevel, long prolonged, long repeats) {
    }
}
