package org.danvan.reporting.membership;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.Document;

/**
 * One organisation's branch at one unit, as its registry described it: every member (by the registry's
 * pseudonym) with the dates it gave, and the snapshots. Setting a date the branch already has changes nothing,
 * so a redelivered or resent event counts once. Its counts are kept as dated deltas (+1 on enrolment, −1 on
 * departure) beside the snapshots, so a day's count never reads the members again.
 */
final class MemberBranch {

    final String organisation;
    final String unitId;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final TreeMap<LocalDate, Snapshot> snapshots = new TreeMap<>();

    MemberBranch(String organisation, String unitId) {
        this.organisation = organisation;
        this.unitId = unitId;
    }

    static String idOf(String organisation, String unitId) {
        return organisation + ":" + unitId;
    }

    String id() {
        return idOf(organisation, unitId);
    }

    /** Returns the first day whose count the enrolment moves, or empty when nothing changed. */
    Optional<LocalDate> enrol(String memberId, LocalDate on, boolean active) {
        Member stored = members.get(memberId);
        if (stored != null && on.equals(stored.enrolledOn()) && active == stored.active()) {
            return Optional.empty();
        }
        members.put(memberId, new Member(on, active, stored == null ? null : stored.leftOn()));
        return Optional.of(earlier(on, stored == null ? null : stored.enrolledOn()));
    }

    /** Returns the first day whose count the departure moves, or empty when nothing changed. */
    Optional<LocalDate> leave(String memberId, LocalDate on) {
        Member stored = members.get(memberId);
        if (stored != null && on.equals(stored.leftOn())) {
            return Optional.empty();
        }
        members.put(memberId, stored == null ? new Member(null, false, on) : new Member(stored.enrolledOn(), stored.active(), on));
        return Optional.of(earlier(on, stored == null ? null : stored.leftOn()));
    }

    private static LocalDate earlier(LocalDate day, LocalDate other) {
        return other == null || day.isBefore(other) ? day : other;
    }

    boolean snapshot(String eventId, LocalDate asOf, int total, int active) {
        Snapshot stored = snapshots.get(asOf);
        if (stored != null && (eventId.equals(stored.eventId()) || stored.members() == total && stored.active() == active)) {
            return false;
        }
        snapshots.put(asOf, new Snapshot(total, active, eventId));
        return true;
    }

    /** The counts as the running totals read them: snapshots, dated deltas and the first enrolment. */
    Document counts() {
        TreeMap<LocalDate, long[]> deltas = new TreeMap<>();
        LocalDate first = null;
        for (Member m : members.values()) {
            if (m.enrolledOn() == null) {
                continue;
            }
            first = first == null || m.enrolledOn().isBefore(first) ? m.enrolledOn() : first;
            add(deltas, m.enrolledOn(), 1, m.active());
            // a departure dated before the enrolment belongs to an earlier membership: the re-enrolment stands
            if (m.leftOn() != null && !m.leftOn().isBefore(m.enrolledOn())) {
                add(deltas, m.leftOn(), -1, m.active());
            }
        }
        return new Document("snapshots", snapshots.entrySet().stream()
                .map(e -> List.of(e.getKey().toString(), (long) e.getValue().members(), (long) e.getValue().active())).toList())
                .append("deltas", deltas.entrySet().stream()
                        .map(e -> List.of(e.getKey().toString(), e.getValue()[0], e.getValue()[1])).toList())
                .append("firstEnrolled", first == null ? null : first.toString());
    }

    private static void add(TreeMap<LocalDate, long[]> deltas, LocalDate day, int sign, boolean active) {
        long[] delta = deltas.computeIfAbsent(day, d -> new long[2]);
        delta[0] += sign;
        delta[1] += active ? sign : 0;
    }

    Document toDocument() {
        return new Document("_id", id()).append("organisation", organisation).append("unitId", unitId)
                .append("members", members.entrySet().stream().map(e -> new Document("id", e.getKey())
                        .append("enrolledOn", text(e.getValue().enrolledOn())).append("active", e.getValue().active())
                        .append("leftOn", text(e.getValue().leftOn()))).toList())
                .append("snapshots", snapshots.entrySet().stream().map(e -> new Document("asOf", e.getKey().toString())
                        .append("members", e.getValue().members()).append("active", e.getValue().active())
                        .append("eventId", e.getValue().eventId())).toList());
    }

    static MemberBranch of(Document d) {
        MemberBranch branch = new MemberBranch(d.getString("organisation"), d.getString("unitId"));
        for (Document m : d.getList("members", Document.class, List.of())) {
            branch.members.put(m.getString("id"), new Member(day(m.getString("enrolledOn")), m.getBoolean("active", false),
                    day(m.getString("leftOn"))));
        }
        for (Document s : d.getList("snapshots", Document.class, List.of())) {
            branch.snapshots.put(LocalDate.parse(s.getString("asOf")), new Snapshot(s.getInteger("members"),
                    s.getInteger("active"), s.getString("eventId")));
        }
        return branch;
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private record Member(LocalDate enrolledOn, boolean active, LocalDate leftOn) {
    }

    private record Snapshot(int members, int active, String eventId) {
    }
}
