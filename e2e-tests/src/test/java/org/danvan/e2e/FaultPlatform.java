package org.danvan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.danvan.contracts.CloudEvent;
import org.danvan.contracts.EventJson;
import org.danvan.contracts.KafkaCloudEvents;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.contracts.unit.UnitRegistered;
import org.danvan.testsupport.TestInfrastructure;
import org.danvan.testsupport.TestTokens;

/**
 * What the fault suite ({@code *FaultIT}, Maven profile {@code faults}) shares: the services' environment,
 * signed-in HTTP calls, the services' own consumed-event counters and the figures each fault reports.
 */
final class FaultPlatform {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FaultPlatform.class);

    static final String OPERATOR = TestTokens.issue("fault-operator", null, "operator");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static final Path REPORT = Path.of(System.getProperty("danvan.root", ".."), "e2e-tests/target/faults-report.txt");

    private FaultPlatform() {
    }

    /** The shared test broker and store. */
    static Map<String, String> environment() {
        return environment(TestInfrastructure.endpoints().kafkaBootstrapServers());
    }

    static Map<String, String> environment(String kafkaBootstrapServers) {
        // no collector here: tracing would only cost the two shared cores
        Map<String, String> env = Platform.serviceEnvironment(Map.of("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        return env;
    }

    /** POSTs JSON (with the operator's token unless {@code anonymous}); the created resource's body, or null unless 201. */
    static String create(String url, String json, boolean anonymous) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!anonymous) {
            request.header("Authorization", "Bearer " + OPERATOR);
        }
        HttpResponse<String> response = send(request.build());
        return response.statusCode() == 201 ? response.body() : null;
    }

    /** A unit as an operator registers it at directive-service. */
    static String unit(String code, String parentId, String level) {
        return """
                {"code":"%s","name":"Đơn vị %s","kind":"PARTY_COMMITTEE","level":"%s","openedOn":"1986-01-01"%s}"""
                .formatted(code, code, level, parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"");
    }

    /** A directive with one target, as an operator issues it at directive-service. */
    static String directive(String issuer, String recipient) {
        return """
                {"number":"%s","kind":"RESOLUTION","title":"Nghị quyết về nâng cao chất lượng Mặt trận và đoàn thể",
                 "issuerUnitId":"%s","issuedOn":"2021-06-30","recipientUnitIds":["%s"],
                 "targets":[{"indicatorCode":"ENROLMENT_RATE","comparator":"GTE","threshold":95,"unit":"PERCENT",
                             "levels":["COMMUNE"],"period":{"type":"EVERY_YEAR"}}]}
                """.formatted("05-NQ/HU-" + UUID.randomUUID(), issuer, recipient);
    }

    /** The {@code id} of a created resource's body. */
    static String id(String body) {
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return id.group(1);
    }

    static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + OPERATOR).build()).body();
    }

    /**
     * The service's own count of consumed events of these types ({@code danvan_events_consumed_total}), with
     * this outcome ({@code applied}, {@code duplicate}…) or any when null; 0 while the service is down.
     */
    static long consumed(ServiceProcess service, String outcome, String... types) {
        String metrics;
        try {
            metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return metrics.lines()
                .filter(line -> line.startsWith("danvan_events_consumed_total{"))
                .filter(line -> outcome == null || line.contains("outcome=\"" + outcome + "\""))
                .filter(line -> Arrays.stream(types).anyMatch(type -> line.contains("type=\"" + type + "\"")))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * How many records of the topic the consumer group has not committed yet: 0 means it has consumed (and
     * acknowledged) everything published so far.
     */
    static long lag(String bootstrapServers, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the lag of " + group + " on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A CloudEvent record with a fresh id, as the topic's writer would publish it. */
    static ProducerRecord<String, byte[]> event(String topic, String type, String key, Object data) {
        return KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(), "/e2e/faults", type, key,
                Instant.now(), EventJson.write(data)));
    }

    /** A unit as directive-service registers it, so that a consumer knows the unit tree without directive-service running. */
    static ProducerRecord<String, byte[]> unitRegistered(String unitId, String level, String parentId) {
        List<ParentLink> parents = parentId == null ? List.of() : List.of(new ParentLink(parentId, LONG_AGO, null));
        return event(DirectiveContract.UNITS.name(), DirectiveContract.UNIT_REGISTERED, unitId, new UnitRegistered(unitId, 1,
                unitId.toUpperCase(), "Đơn vị " + unitId, level + "_COMMITTEE", level, LONG_AGO, parents));
    }

    /** Prints one fault's figures and appends them to {@code e2e-tests/target/faults-report.txt} for the README. */
    static void report(String fault, long sent, long lost, long duplicated, String recovery) {
        String line = "FAULT %s | events sent %d | lost %d | duplicated %d | %s".formatted(fault, sent, lost, duplicated, recovery);
        LOG.info(line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
