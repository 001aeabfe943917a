package org.danvan.localplatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB-wire-compatible store of the local platform: mongo-java-server with its H2 backend persisted
 * to one file, with the oplog enabled. No MongoDB server can be installed on the build machines, so this is
 * the evaluation default of {@code ./danvan up}; production uses a MongoDB replica set.
 * <p>
 * Usage: {@code MongoWireStore [--host 127.0.0.1] [--port 27017] --data-dir DIR}. Stops cleanly on SIGTERM,
 * committing the H2 store so acknowledged writes survive a graceful stop.
 */
public final class MongoWireStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireStore.class);

    private final H2Backend backend;
    private final MongoServer server;

    public MongoWireStore(Path dataDir, String host, int port) throws java.io.IOException {
        Files.createDirectories(dataDir);
        backend = new H2Backend(dataDir.resolve("danvan.mv").toString());
        backend.enableOplog();
        server = new MongoServer(backend);
        server.bind(host, port);
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 27017;
        Path dataDir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("usage: MongoWireStore [--host H] [--port P] --data-dir DIR");
        }
        MongoWireStore store = new MongoWireStore(dataDir, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            log.info("Mongo-wire store stopped");
            stopped.countDown();
        }, "mongo-wire-store-shutdown"));
        log.info("Mongo-wire store ready on {}:{} with data in {}", host, port, dataDir.toAbsolutePath());
        stopped.await();
    }
}
