package org.danvan.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB that integration tests run against, started once per test JVM.
 * <p>
 * Where a Docker engine runs: an Apache Kafka container and a MongoDB replica set (Testcontainers).
 * Elsewhere (this project's build machines have no Docker engine): a real KRaft broker in-process and the
 * Mongo-wire store with its oplog, the same store the local platform uses. The same test classes run on
 * both; {@code DANVAN_TEST_INFRA=containers|embedded} forces one.
 * <p>
 * The gateway's Redis (its shared rate limits) starts only when a test asks for it ({@link #redis()}).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Endpoints endpoints;
    private static Optional<Redis> redis;

    /** Where the infrastructure listens, and which kind it is ({@code containers} or {@code embedded}). */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri, String kind) {
    }

    /** Where the test Redis listens ({@code redis://host:port}), and which kind it is ({@code configured}, {@code container}, {@code process}). */
    public record Redis(String url, String kind) {
    }

    private TestInfrastructure() {
    }

    /**
     * Redis, started once per test JVM on first use: the one {@code DANVAN_TEST_REDIS_URL} names; else a Redis
     * container where Docker runs; else Debian's {@code redis-server} as a child process on a free loopback port.
     * Empty when there is none of these.
     */
    public static synchronized Optional<Redis> redis() {
        if (redis == null) {
            String configured = System.getenv("DANVAN_TEST_REDIS_URL");
            redis = configured != null && !configured.isBlank() ? Optional.of(new Redis(configured, "configured"))
                    : useContainers() ? Optional.of(startRedisContainer())
                    : redisServerBinary().map(TestInfrastructure::startRedisServer);
            log.info("integration-test Redis: {}", redis.map(Redis::toString).orElse("none"));
        }
        return redis;
    }

    /** {@link #redis()}, or the calling test is skipped without it (in CI, where it must run, it fails). */
    public static Redis requireRedis() {
        return redis().orElseGet(() -> {
            String missing = "no Redis: install Debian's redis-server, run a Docker engine or set DANVAN_TEST_REDIS_URL";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing);
            }
            log.warn("{} — skipped", missing);
            return Assumptions.abort(missing + " — skipped");
        });
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
        // transactions (Kafka Streams' exactly_once_v2) need their state topic on the one broker there is
        kafka.brokerProperty("transaction.state.log.replication.factor", "1");
        kafka.brokerProperty("transaction.state.log.min.isr", "1");
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

    private static Redis startRedisContainer() {
        GenericContainer<?> container = new GenericContainer<>("redis:7.4.2").withExposedPorts(6379);
        container.start();
        return new Redis("redis://" + container.getHost() + ":" + container.getMappedPort(6379), "container");
    }

    private static Optional<Path> redisServerBinary() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/sbin"))
                .filter(folder -> !folder.isBlank()).map(folder -> Path.of(folder, "redis-server")).filter(Files::isExecutable).findFirst();
    }

    /** Memory only, as {@code ./danvan up} runs it; it stops with the test JVM. */
    private static Redis startRedisServer(Path binary) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("danvan-test-redis", ".log");
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("redis-server exited: " + Files.readString(log));
                        }
                        try (Socket socket = new Socket("127.0.0.1", port)) {
                            return true;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
            return new Redis("redis://127.0.0.1:" + port, "process");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
