package org.danvan.reporting;

import org.danvan.contracts.directive.DirectiveIssued;
import org.danvan.contracts.directive.DirectiveRevoked;

/**
 * A feature that keeps something from the directive topic (targets, duties). The topic is read once, by one
 * consumer group; each issued, amended or revoked event is read once and its version handed to every handler. A
 * record that breaks the contract is rejected and dead-lettered once, and each handler is idempotent, so a
 * retry after one of them failed is harmless.
 */
public interface DirectiveEventHandler {

    /**
     * Keeps what the feature needs of a directive as issued or amended (an amendment carries the whole new
     * version in the issued event's shape); false when a version at least as new was kept already.
     */
    boolean apply(String eventId, DirectiveIssued directive);

    /**
     * Keeps what the feature needs of a revocation; false when a version at least as new was kept already, or
     * when the feature keeps nothing of it (a revoked directive's targets are still read for the periods before).
     */
    default boolean revoke(String eventId, DirectiveRevoked revoked) {
        return false;
    }
}
