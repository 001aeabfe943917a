package org.danvan.feedback.deadlines;

/** How hard a case is, as declared on acceptance; the law gives harder cases more time or more extensions. */
public enum Complexity {
    NORMAL,
    COMPLEX,
    VERY_COMPLEX
}
