package org.danvan.directive.directives;

import java.util.Locale;

/**
 * The steps a directive can take; {@link #slug()} is how problems and their {@code allowed} list name them.
 * Expiry is the nightly job's step, never a caller's, so it is not offered to callers.
 */
enum DirectiveAction {
    EDIT, ISSUE, AMEND, REVOKE, SUPERSEDE, ACKNOWLEDGE, EXPIRE;

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean offeredToCallers() {
        return this != EXPIRE;
    }
}
