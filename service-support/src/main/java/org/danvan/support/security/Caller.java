package org.danvan.support.security;

import java.util.Set;

/**
 * Who is calling, from the verified token: subject, realm roles and the unit whose subtree they act on
 * (claim {@code unit_id}). {@link #ANONYMOUS} is a citizen without an account.
 */
public record Caller(String subject, Set<String> roles, String unitId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean authenticated() {
        return subject != null;
    }
}
