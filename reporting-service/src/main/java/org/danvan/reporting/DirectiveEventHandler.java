package org.danvan.reporting;

import org.danvan.contracts.directive.DirectiveIssued;

/**
 * A feature that keeps something from the directive topic (targets, duties). The topic is read once, by one
 * consumer group; each issued or amended event is read once and its version handed to every handler. A
 * record that breaks the contract is rejected and dead-lettered once, and each handler is idempotent, so a
 * retry after one of them failed is harmless.
 */
public interface DirectiveEventHandler {

    /**
     * Keeps what the feature needs of a directive as issued or amended (an amendment carries the whole new
     * version in the issued event's shape); false when a version at least as new was kept already.
     */
    boolean apply(String eventId, DirectiveIssued directive);
}
