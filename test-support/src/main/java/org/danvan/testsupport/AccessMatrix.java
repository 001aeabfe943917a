package org.danvan.testsupport;

import java.util.List;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

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
