package org.danvan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB that integration tests run against, started once per test JVM.
 * <p>
 * Where a Docker engine runs: an Apache Kafka container and a MongoDB replica set (Testcontainers).
 * Elsewhere (this project's build machines have no Docker engine): a real KRaft broker in-process and the
 * Mongo-wire store with its oplog, the same store the local platform uses. The same test classes run on
 * both; {@code DANVAN_TEST_INFRA=containers|embedded} forces one.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Endpoints endpoints;

    /** Where the infrastructure listens, and which kind it is ({@code containers} or {@code embedded}). */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri, String kind) {
    }

    private TestInfrastructure() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useContainers() ? startContainers() : startEmbedded();
            log.info("integration-test infrastructure: {}", endpoints);
        }
        return endpoints;
    }

    private static boolean useContainers() {
        String forced = System.getenv("DANVAN_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return forced.equals("containers");
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0.4").withReplicaSet();
        kafka.start();
        mongo.start();
        return new Endpoints(kafka.getBootstrapServers(), mongo.getReplicaSetUrl(), "containers");
    }

    /** {@code -Ddanvan.test.store=h2}: the H2 backend {@code ./danvan up} runs, in a temporary file. */
    private static boolean localPlatformStore() {
        return "h2".equals(System.getProperty("danvan.test.store"));
    }

    private static AbstractMongoBackend h2Backend() {
        try {
            Path file = Files.createTempDirectory("danvan-store").resolve("danvan.mv");
            log.info("integration-test store: H2 backend in {}", file);
            return new H2Backend(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        AbstractMongoBackend backend = localPlatformStore() ? h2Backend() : new MemoryBackend();
        backend.enableOplog();
        MongoServer mongo = new MongoServer(backend);
        InetSocketAddress address = mongo.bind();
        // Both stay up until the JVM halts: shutdown hooks run concurrently, and stopping either under the
        // test contexts that are closing at the same moment makes their Kafka producers or Mongo calls wait
        // out their timeouts (30 s per test JVM). The broker's log folders stay in the temp folder.
        return new Endpoints(kafka.getBrokersAsString(),
                "mongodb://" + address.getHostString() + ":" + address.getPort(), "embedded");
    }
}
