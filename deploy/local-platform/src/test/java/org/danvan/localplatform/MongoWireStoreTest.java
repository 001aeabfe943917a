package org.danvan.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsAcknowledgedWritesAcrossAGracefulRestart() throws IOException {
        int port = freePort();
        try (MongoWireStore store = new MongoWireStore(dataDir, "127.0.0.1", port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("danvan-test").getCollection("units")
                    .insertOne(new Document("_id", "u-1").append("name", "Đức Trọng"));
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
        }

        try (MongoWireStore store = new MongoWireStore(dataDir, "127.0.0.1", port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Document unit = client.getDatabase("danvan-test").getCollection("units").find(new Document("_id", "u-1")).first();
            assertThat(unit).isNotNull();
            assertThat(unit.getString("name")).isEqualTo("Đức Trọng");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
