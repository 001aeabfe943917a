package org.danvan.support.security;

/** The realm roles danvan's services understand (Keycloak realm {@code danvan}, deploy/keycloak). */
public final class Roles {

    public static final String CITIZEN = "citizen";
    /** Works in a unit's subtree: reads, notes, drafts. */
    public static final String CADRE = "cadre";
    /** Decides in a unit's subtree: accepts reports, accepts, assigns and resolves cases. */
    public static final String REVIEWER = "reviewer";
    /** May see a denouncer's identity, in a unit's subtree; every access is audited. */
    public static final String CONFIDENTIAL_HANDLER = "confidential-handler";
    public static final String OPERATOR = "operator";
    /** Another system, by client credentials; may only publish to its own endpoints. */
    public static final String PUBLISHER = "publisher";

    private Roles() {
    }
}
