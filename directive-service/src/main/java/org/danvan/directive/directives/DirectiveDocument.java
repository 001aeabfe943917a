package org.danvan.directive.directives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.danvan.support.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Persistence form of a directive: the current version's content, every earlier version, the
 * acknowledgements of its recipients; pending events ride in {@code outbox} in the same document write.
 */
@Document("directives")
class DirectiveDocument {

    @Id
    String id;
    @Version
    Long storeVersion;
    int version;
    DirectiveStatus status;
    DirectiveContent content;
    /** Number and title without diacritics, for search. */
    String searchText;
    /** The units the recipients resolved to on the issue date. */
    List<String> recipients = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<EarlierVersion> earlierVersions = new ArrayList<>();
    Map<String, LocalDate> acknowledgements = new LinkedHashMap<>();
    LocalDate endedOn;
    String endReason;
    String supersededBy;
    List<OutboxEvent> outbox = new ArrayList<>();

    /** A version replaced by an amendment, kept as it was. */
    record EarlierVersion(int version, DirectiveStatus status, DirectiveContent content, List<String> recipients,
            List<String> changes) {
    }

    DirectiveView view() {
        return new DirectiveView(id, version, status, content, List.copyOf(recipients), List.copyOf(changes), endedOn,
                endReason, supersededBy, storeVersion == null ? 0 : storeVersion);
    }
}
