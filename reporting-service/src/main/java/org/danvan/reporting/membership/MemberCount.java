package org.danvan.reporting.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

/** A branch's count on a day from its stored counts: the latest snapshot by then, moved by the deltas after it. */
record MemberCount(long members, long active) {

    /** Empty when the registry had said nothing about the branch by {@code day}. */
    @SuppressWarnings("unchecked")
    static Optional<MemberCount> on(Document counts, LocalDate day) {
        String today = day.toString();
        List<Object> base = null;
        for (List<Object> snapshot : (List<List<Object>>) (List<?>) counts.getList("snapshots", List.class, List.of())) {
            if (((String) snapshot.get(0)).compareTo(today) <= 0) {
                base = snapshot;
            }
        }
        String first = counts.getString("firstEnrolled");
        if (base == null && (first == null || first.compareTo(today) > 0)) {
            return Optional.empty();
        }
        String after = base == null ? "" : (String) base.get(0);
        long total = base == null ? 0 : ((Number) base.get(1)).longValue();
        long active = base == null ? 0 : ((Number) base.get(2)).longValue();
        // what the registry reported after the snapshot moves it; what happened up to the snapshot is in it
        for (List<Object> delta : (List<List<Object>>) (List<?>) counts.getList("deltas", List.class, List.of())) {
            String on = (String) delta.get(0);
            if (on.compareTo(after) > 0 && on.compareTo(today) <= 0) {
                total += ((Number) delta.get(1)).longValue();
                active += ((Number) delta.get(2)).longValue();
            }
        }
        return Optional.of(new MemberCount(Math.max(0, total), Math.max(0, Math.min(active, total))));
    }
}
