package org.danvan.support.persistence;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads documents by id, {@value #PAGE} ids to a query. The in-memory store of the local platform checks every
 * document an {@code $in} finds against the whole list again, so one query's cost grows with the square of its
 * list (in a national replay, 5,000 ids to a query spent a fifth of the pipeline's CPU comparing them); MongoDB pays
 * one round trip per page.
 */
public final class IdPages {

    public static final int PAGE = 500;

    private IdPages() {
    }

    /** Every document of {@code collection} whose id is among {@code ids}, once, with {@code projection} when not null. */
    public static void find(MongoCollection<Document> collection, Collection<String> ids, Bson projection, Consumer<Document> each) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += PAGE) {
            FindIterable<Document> page = collection.find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + PAGE))));
            (projection == null ? page : page.projection(projection)).forEach(each);
        }
    }
}
