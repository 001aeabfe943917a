package org.danvan.contracts.directive;

import java.util.List;

import org.danvan.contracts.Topic;

/** Topics written by directive-service and the event types they carry. */
public final class DirectiveContract {

    public static final String DIRECTIVE_ISSUED = "danvan.directive.issued.v1";

    public static final Topic DIRECTIVES = new Topic(
            "danvan.directives.v1", "directive-service", "directive id",
            List.of(DIRECTIVE_ISSUED), 3, false);

    public static final List<Topic> TOPICS = List.of(DIRECTIVES);

    private DirectiveContract() {
    }
}
