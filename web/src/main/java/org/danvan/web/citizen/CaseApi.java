package org.danvan.web.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The citizen-facing bodies of feedback-service's case API, as the gateway serves them. */
public final class CaseApi {

    static final List<String> FILING_KINDS = List.of("RECOMMENDATION", "REFLECTION", "COMPLAINT", "DENUNCIATION");

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private CaseApi() {
    }

    public record FileCase(String kind, String subject, String content, String areaUnitId, String channel, Citizen citizen) {
    }

    public record Citizen(String name, String address, String phone, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FiledCase(String id, String trackingCode, String trackingSecret, String kind, String status, LocalDate acceptanceDueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicCase(String trackingCode, String kind, int round, String status, String subject, LocalDate receivedOn,
            LocalDate dueOn, List<Entry> timeline, String resolution) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Instant at, String action, String status, String note) {

        /** The moment on Vietnam's clock, as the page shows it. */
        public LocalDateTime local() {
            return LocalDateTime.ofInstant(at, VIETNAM);
        }
    }

    /** A place a citizen may choose as the area of a case, as directive-service answers without a token. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String id, String name, String level, String parentName) {
    }
}
