package org.danvan.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak with the realm export of {@code deploy/keycloak}, started as {@code ./danvan up} starts it: the
 * distribution deploy/local-platform unpacks, {@code kc.sh start-dev --import-realm}, its database in a
 * folder of its own (here a fresh one under target, so the realm file is imported every run).
 */
final class KeycloakProcess {

    private static final Path ROOT = Path.of(System.getProperty("danvan.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port = ServiceProcess.freePort();
    private Process process;

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/danvan";
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    KeycloakProcess start() {
        Path home = distribution();
        Path data = ROOT.resolve("e2e-tests/target/e2e-keycloak");
        Path log = ROOT.resolve("e2e-tests/target/e2e-logs/keycloak.log");
        try {
            deleteRecursively(data);
            Files.createDirectories(data);
            Files.createDirectories(log.getParent());
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(ROOT.resolve("deploy/keycloak/danvan-realm.json"), home.resolve("data/import/danvan-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                    "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_HOME", javaHome());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Ready once the realm's discovery document answers: the import runs before Keycloak listens. */
    KeycloakProcess awaitReady() {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        // the first start of a fresh distribution also builds it (Quarkus augmentation): about a minute on 2 cores
        await("Keycloak ready").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see e2e-tests/target/e2e-logs/keycloak.log");
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** SIGTERM to Keycloak and to the build step it may still be running, then wait for both. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
        for (ProcessHandle child : children) {
            child.onExit().join();
        }
    }

    private static Path distribution() {
        Path target = ROOT.resolve("deploy/local-platform/target");
        try (Stream<Path> entries = Files.list(target)) {
            List<Path> homes = entries.filter(p -> p.getFileName().toString().startsWith("keycloak-")
                    && Files.isRegularFile(p.resolve("bin/kc.sh"))).toList();
            if (homes.size() != 1) {
                throw new IllegalStateException("expected one Keycloak distribution in " + target + ", found " + homes);
            }
            return homes.getFirst();
        } catch (IOException e) {
            throw new IllegalStateException(target + " has no Keycloak distribution: build deploy/local-platform first "
                    + "(./mvnw verify builds it before this module)", e);
        }
    }

    private static String javaHome() {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        return java.getParent().getParent().toString();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
