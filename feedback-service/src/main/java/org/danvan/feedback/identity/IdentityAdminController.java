package org.danvan.feedback.identity;

import java.util.List;
import java.util.Map;

import org.danvan.support.problem.ForbiddenException;
import org.danvan.support.security.Callers;
import org.danvan.support.security.Roles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key rotation for operators: after a new active key is configured, re-seal everything under it. */
@RestController
class IdentityAdminController {

    private final IdentityVault vault;

    IdentityAdminController(IdentityVault vault) {
        this.vault = vault;
    }

    @PostMapping("/api/v1/admin/identity/rotate")
    Map<String, Integer> rotate() {
        if (!Callers.current().hasAny(Roles.OPERATOR)) {
            throw new ForbiddenException(List.of(Roles.OPERATOR));
        }
        return Map.of("resealed", vault.rotate());
    }
}
