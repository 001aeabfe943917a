package org.danvan.contracts.unit;

import java.time.LocalDate;

/** The parent of a unit from {@code validFrom} (inclusive) until {@code validTo} (exclusive; null = still valid). */
public record ParentLink(String parentId, LocalDate validFrom, LocalDate validTo) {
}
