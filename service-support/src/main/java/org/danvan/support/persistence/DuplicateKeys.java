package org.danvan.support.persistence;

import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The write that idempotent consumers rely on: an insert or a guarded upsert that the store refuses with a
 * duplicate key when the same (or a newer) state is already there. Spring translates that refusal for most
 * operations, the driver's own exception surfaces for some; both mean "already applied", nothing else does.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** Runs {@code write}; true when it stored something, false when a duplicate key refused it. */
    public static boolean firstWrite(Runnable write) {
        try {
            write.run();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Runs an unordered bulk {@code write}; the positions of its writes that a duplicate key refused (already
     * applied), empty when all were stored. Any other refusal propagates.
     */
    public static Set<Integer> refusedInBulk(Runnable write) {
        try {
            write.run();
            return Set.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return e.getWriteErrors().stream().map(error -> error.getIndex()).collect(Collectors.toUnmodifiableSet());
        }
    }
}
