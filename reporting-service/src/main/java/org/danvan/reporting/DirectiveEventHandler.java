package org.danvan.reporting;

import org.danvan.contracts.CloudEvent;

/**
 * A feature that keeps something from the directive topic (targets, duties). The topic is read once, by one
 * consumer group, and every event handed to each of them: a record that breaks the contract is rejected and
 * dead-lettered once, and each handler is idempotent, so a retry after one of them failed is harmless.
 */
public interface DirectiveEventHandler {

    void consume(CloudEvent event);
}
