package org.danvan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * An authorisation matrix: role × endpoint × scope, one expected status per cell. {@link #verify} calls every
 * cell and reports all that fail at once; a refusal must also be problem+json.
 */
public final class AccessMatrix {

    private AccessMatrix() {
    }

    /** One cell: who calls (for the report), with which token (null: none), what, and the status expected. */
    public record Cell(String who, String token, HttpMethod method, String path, Object body, int expected) {
    }

    /**
     * Fails unless every endpoint the service maps (method and path pattern, actuator and API documents aside)
     * has at least one cell: an endpoint added without its row in the matrix is caught here.
     */
    public static void requireEveryEndpoint(List<Cell> cells, RequestMappingHandlerMapping mappings) {
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPathPatternsCondition() == null || handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                return;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (!pattern.getPatternString().startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    boolean covered = cells.stream().anyMatch(cell -> cell.method().name().equals(method.name())
                            && pattern.matches(PathContainer.parsePath(cell.path().replaceFirst("\\?.*$", ""))));
                    if (!covered) {
                        missing.add(method + " " + pattern.getPatternString());
                    }
                }
            }
        });
        assertThat(missing).as("endpoints without a row in the authorization matrix").isEmpty();
    }

    public static void verify(List<Cell> cells, Function<Cell, ResponseEntity<String>> call) {
        SoftAssertions cellsHold = new SoftAssertions();
        for (Cell cell : cells) {
            ResponseEntity<String> response = call.apply(cell);
            cellsHold.assertThat(response.getStatusCode().value()).as("%s %s %s → %s", cell.who(), cell.method(), cell.path(),
                    response.getBody()).isEqualTo(cell.expected());
            if (cell.expected() >= 400) {
                cellsHold.assertThat(String.valueOf(response.getHeaders().getContentType())).as("%s %s", cell.who(), cell.path())
                        .startsWith("application/problem+json");
            }
        }
        cellsHold.assertAll();
    }
}
