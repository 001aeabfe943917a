package org.danvan.reporting.aggregates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.MembershipEnrolled;
import org.danvan.contracts.reporting.MembershipLeft;
import org.danvan.contracts.reporting.MembershipSnapshot;
import org.danvan.contracts.reporting.ReportAccepted;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;

/**
 * The national rollup benchmarks' workload (issue #15), one generator for both designs so they measure the
 * same records: a tree of 1 central unit, 34 provinces, {@code communes} and {@code villages}, every area with
 * its people's committee and five organisations; a year of semiannual DV-6T reports from every commune's people's
 * committee; a membership stream for every commune branch.
 */
public final class RollupWorkload {

    public static final List<String> ORGANISATIONS = List.of("FATHERLAND_FRONT", "FARMERS_UNION", "WOMENS_UNION",
            "YOUTH_UNION", "VETERANS_ASSOCIATION");
    public static final String CENTRAL = "VN";
    private static final LocalDate FOUNDED = LocalDate.of(2000, 1, 1);
    private static final int PROVINCES = 34;

    private final int communes;
    private final int villages;
    private final int enrolmentsPerBranch;
    private final List<String> communeIds = new ArrayList<>();

    public RollupWorkload(int communes, int villages, int enrolmentsPerBranch) {
        this.communes = communes;
        this.villages = villages;
        this.enrolmentsPerBranch = enrolmentsPerBranch;
    }

    /**
     * The workload the benchmarks' command line asks for ({@code -Ddanvan.benchmark.communes}, {@code .villages},
     * {@code .enrolments-per-branch}), by default the nation's: 3,300 communes and 100,000 villages.
     */
    public static RollupWorkload asked() {
        return new RollupWorkload(Integer.getInteger("danvan.benchmark.communes", 3300),
                Integer.getInteger("danvan.benchmark.villages", 100_000),
                Integer.getInteger("danvan.benchmark.enrolments-per-branch", 4));
    }

    /** How big it is, for a benchmark's summary. */
    public String size() {
        return communes + " communes, " + villages + " villages";
    }

    /** The commune codes {@link #tree()} generated, in order. */
    public List<String> communeIds() {
        return communeIds;
    }

    /** The tree as unit events: every area has its people's committee and five organisations. */
    public List<ProducerRecord<String, byte[]>> tree() {
        communeIds.clear();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        area(records, CENTRAL, "Trung ương", "CENTRAL", null);
        int commune = 0;
        for (int p = 0; p < PROVINCES; p++) {
            String province = "P" + p;
            area(records, province, "Tỉnh " + p, "PROVINCE", CENTRAL);
            int inProvince = communes / PROVINCES + (p < communes % PROVINCES ? 1 : 0);
            for (int c = 0; c < inProvince; c++, commune++) {
                String code = province + "-C" + c;
                communeIds.add(code);
                area(records, code, "Xã " + p + "." + c, "COMMUNE", province);
                int inCommune = villages / communes + (commune < villages % communes ? 1 : 0);
                for (int v = 0; v < inCommune; v++) {
                    area(records, code + "-V" + v, "Thôn " + v + " xã " + p + "." + c, "VILLAGE", code);
                }
            }
        }
        return records;
    }

    private static void area(List<ProducerRecord<String, byte[]>> records, String code, String name, String level, String parent) {
        records.add(unit(code, name, "PEOPLES_COMMITTEE", level, parent));
        for (String kind : ORGANISATIONS) {
            records.add(unit(code + "-" + kind, kind + " " + name, kind, level, parent == null ? null : parent + "-" + kind));
        }
    }

    private static ProducerRecord<String, byte[]> unit(String id, String name, String kind, String level, String parent) {
        List<ParentLink> parents = parent == null ? List.of() : List.of(new ParentLink(parent, FOUNDED, null));
        return event(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, id,
                new UnitRegistered(id, 1, id, name, kind, level, FOUNDED, parents));
    }

    /** 2025H1 and 2025H2 from every commune's people's committee (DV-6T is owed by COMMUNE); call after {@link #tree()}. */
    public List<ProducerRecord<String, byte[]>> reports() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String commune : communeIds) {
            records.add(report(commune, "2025H1", 1, models(commune, 1)));
            records.add(report(commune, "2025H2", 1, models(commune, 2)));
        }
        return records;
    }

    /** The MODELS_BUILT a commune's first revision reports for half {@code half} of 2025. */
    public static int models(String commune, int half) {
        return Math.floorMod(commune.hashCode() * 31 + half, 7);
    }

    public static ProducerRecord<String, byte[]> report(String commune, String period, int revision, int models) {
        int seed = Math.floorMod(commune.hashCode(), 1000);
        int residents = 6000 + seed * 5;
        int enrolled = residents * 6 / 10 + (period.endsWith("H2") ? 50 : 0);
        int areas = 25 + seed % 10;
        Map<String, ReportAccepted.ReportedValue> values = new LinkedHashMap<>();
        value(values, "RESIDENTS", residents);
        value(values, "MEMBERS_ENROLLED", enrolled);
        value(values, "MEMBERS_ACTIVE", enrolled * 7 / 10);
        value(values, "RESIDENTIAL_AREAS", areas);
        value(values, "EXEMPLARY_AREAS", areas * 8 / 10);
        value(values, "MODEL_AREAS", areas / 5);
        value(values, "MODELS_BUILT", models);
        value(values, "SUPERVISION_SESSIONS", 2 + seed % 4);
        value(values, "DIALOGUE_CONFERENCES", 1 + seed % 2);
        value(values, "BRIEFING_CLASSES", 3 + seed % 5);
        value(values, "BRIEFING_PARTICIPANTS", 150 + seed);
        value(values, "HOUSEHOLDS", residents / 4);
        String reportId = "DV-6T/" + commune + "/" + period;
        return event(ReportingContract.REPORTS.name(), ReportingContract.REPORT_ACCEPTED, reportId,
                new ReportAccepted(reportId, revision, "DV-6T", commune, period, values, false,
                        period.endsWith("H1") ? LocalDate.of(2025, 7, 20) : LocalDate.of(2026, 1, 20)));
    }

    private static void value(Map<String, ReportAccepted.ReportedValue> values, String code, int value) {
        values.put(code, new ReportAccepted.ReportedValue(value, false, false));
    }

    /**
     * The registries' stream for every commune branch: a mid-year snapshot per organisation, then enrolments
     * and one departure in the second half; call after {@link #tree()}.
     */
    public List<ProducerRecord<String, byte[]>> membership() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String topic = ReportingContract.MEMBERSHIP.name();
        for (String commune : communeIds) {
            for (String organisation : ORGANISATIONS) {
                int members = 800 + Math.floorMod((commune + organisation).hashCode(), 400);
                records.add(event(topic, ReportingContract.MEMBERSHIP_SNAPSHOT, commune, new MembershipSnapshot(organisation, commune,
                        LocalDate.of(2025, 6, 30), members, members * 7 / 10)));
                for (int m = 0; m < enrolmentsPerBranch; m++) {
                    records.add(event(topic, ReportingContract.MEMBERSHIP_ENROLLED, commune, new MembershipEnrolled(organisation,
                            commune, "m-" + m, LocalDate.of(2025, 7 + m % 6, 1 + m % 28), m % 3 != 0)));
                }
                if (enrolmentsPerBranch > 0) {
                    records.add(event(topic, ReportingContract.MEMBERSHIP_LEFT, commune, new MembershipLeft(organisation, commune,
                            "m-0", LocalDate.of(2025, 12, 1))));
                }
            }
        }
        return records;
    }

    /** {@code a}'s records with {@code b}'s spread between them, as reports and membership arrive together. */
    public static List<ProducerRecord<String, byte[]>> interleave(List<ProducerRecord<String, byte[]>> a,
            List<ProducerRecord<String, byte[]>> b) {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>(a.size() + b.size());
        int step = Math.max(1, b.size() / Math.max(1, a.size()));
        int j = 0;
        for (ProducerRecord<String, byte[]> record : a) {
            all.add(record);
            for (int k = 0; k < step && j < b.size(); k++) {
                all.add(b.get(j++));
            }
        }
        all.addAll(b.subList(j, b.size()));
        return all;
    }

    public static ProducerRecord<String, byte[]> event(String topic, String type, String key, Object data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/benchmark", type, key, Instant.now(),
                EventJson.write(data)));
    }

    /** A producer that publishes the workload fast: batched, every record acknowledged by the broker. */
    public static KafkaProducer<String, byte[]> producer(String servers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(256L << 20)),
                new StringSerializer(), new ByteArraySerializer());
    }
}
