package org.danvan.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the platform's Boot jars running as its own operating-system process, as {@code ./danvan up} runs it,
 * so that a test can kill it with SIGKILL and start it again.
 */
final class ServiceProcess {

    private static final Path ROOT = Path.of(System.getProperty("danvan.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * The JVM settings of {@code ./danvan up}, replaced as there by {@code DANVAN_JVM_OPTS} (a benchmark runs the
     * services with the full JIT, as the containers do, or records them with Flight Recorder).
     */
    private static final String JVM_OPTIONS = System.getenv().getOrDefault("DANVAN_JVM_OPTS",
            "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k");

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, Map<String, String> environment) {
        this.name = name;
        this.port = freePort();
        this.environment = environment;
    }

    /** On a port of its own: the web application, whose port the realm's redirect URIs name. */
    ServiceProcess(String name, int port, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.environment = environment;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ServiceProcess start(String... arguments) {
        Path jar = ROOT.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw verify builds them before this module)");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m"));
        command.addAll(List.of(JVM_OPTIONS.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Path log = ROOT.resolve("e2e-tests/target/e2e-logs/" + name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ServiceProcess awaitHealthy() {
        await(name + " healthy").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see e2e-tests/target/e2e-logs/" + name + ".log");
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM and wait for the graceful shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
