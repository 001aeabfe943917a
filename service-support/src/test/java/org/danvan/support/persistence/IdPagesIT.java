package org.danvan.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.danvan.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** Ids read a page at a time: every stored document among them once, none that is not, with the projection asked for. */
class IdPagesIT {

    @Test
    void readsEveryDocumentAmongTheIdsOnceAcrossPages() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.endpoints().mongoUri())) {
            MongoCollection<Document> collection = client.getDatabase("id-pages-it").getCollection("documents");
            collection.drop();
            int stored = 2 * IdPages.PAGE + 7;
            collection.insertMany(IntStream.range(0, stored).mapToObj(i -> new Document("_id", "d" + i).append("n", i)
                    .append("other", "x")).toList());
            // every stored id in reverse, one repeated, and ids of documents that do not exist in between
            List<String> ids = new ArrayList<>(IntStream.range(0, stored).map(i -> stored - 1 - i).mapToObj(i -> "d" + i).toList());
            ids.add(IdPages.PAGE, "d0");
            ids.addAll(IdPages.PAGE / 2, List.of("missing-1", "missing-2"));

            List<Document> found = new ArrayList<>();
            IdPages.find(collection, ids, new Document("n", 1), found::add);

            assertThat(found).extracting(d -> d.getString("_id")).doesNotContain("missing-1", "missing-2")
                    .containsAll(IntStream.range(0, stored).mapToObj(i -> "d" + i).toList());
            assertThat(found).hasSize(stored);
            assertThat(found).allSatisfy(d -> assertThat(d).containsKey("n").doesNotContainKey("other"));
        }
    }
}
