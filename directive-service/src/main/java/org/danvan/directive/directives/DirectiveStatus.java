package org.danvan.directive.directives;

/** Lifecycle of a directive: issued directives are never edited in place. */
public enum DirectiveStatus {
    DRAFT, ISSUED, AMENDED, REVOKED, SUPERSEDED, EXPIRED
}
