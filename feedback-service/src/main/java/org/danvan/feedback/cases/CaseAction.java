package org.danvan.feedback.cases;

/** The steps that move a case along its path; the API names them in lower case ({@code allowedActions}). */
enum CaseAction {
    // declaration order is the order the API lists the allowed steps in
    ACCEPT,
    REFUSE,
    ASSIGN,
    START,
    EXTEND,
    RESOLVE,
    EXPLAIN,
    CLOSE,
    REOPEN,
    ROADMAP,
    MERGE;

    String wireName() {
        return name().toLowerCase();
    }
}
