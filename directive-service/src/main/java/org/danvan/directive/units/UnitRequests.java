package org.danvan.directive.units;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the unit endpoints. */
final class UnitRequests {

    private UnitRequests() {
    }

    record Register(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
            @NotBlank @Size(max = 300) String name,
            @NotBlank String kind,
            @NotBlank String level,
            @NotNull LocalDate openedOn,
            String parentId) {
    }

    /** Re-parent from {@code validFrom}: figures before that date still roll up along the old parent. */
    record Move(@NotBlank String newParentId, @NotNull LocalDate validFrom) {
    }

    record Rename(@NotBlank @Size(max = 300) String name, @NotNull LocalDate validFrom) {
    }

    /** Close a unit; with a successor its open children move to the successor on that date (a merge). */
    record Close(@NotNull LocalDate closedOn, String successorUnitId) {
    }
}
