package org.danvan.web.units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.danvan.web.api.ApiProblemException;

/**
 * A unit's name for a page that holds only its code, read through the gateway as of today. directive-service has no
 * lookup of several units at once, so each distinct code is read once per request (the answers are kept in the
 * request, never longer: a rename shows on the next page); a code the API does not know, or will not show, is its own name.
 * Pages call it as {@code @unitNames}, through the {@code fragments/unit-name} fragments.
 */
@Component("unitNames")
public class UnitNames {

    private static final String MEMO = UnitNames.class.getName();

    private final UnitTree tree;
    private final Clock clock;

    UnitNames(UnitTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    /** The unit's name, or the code itself when it cannot be read; null for no code. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return memo().computeIfAbsent(code, this::read);
    }

    /** Whether the page should show the code beside the name: only when a name was found. */
    public boolean named(String code) {
        String name = name(code);
        return name != null && !name.equals(code);
    }

    private String read(String code) {
        try {
            UnitApi.Unit unit = tree.get(code, LocalDate.now(clock));
            return unit == null || unit.name() == null || unit.name().isBlank() ? code : unit.name();
        } catch (ApiProblemException | RestClientException unknown) {
            return code;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> memo() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        Object memo = request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new ConcurrentHashMap<String, String>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) memo;
    }
}
