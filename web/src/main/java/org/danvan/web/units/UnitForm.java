package org.danvan.web.units;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an operator types to register a unit or change one (rename, move, close): a form-backing bean so that a
 * field error from the API is bound beside its field with what was typed. Dates are typed dd/MM/yyyy.
 */
public class UnitForm {

    private String code;
    private String name;
    private String kind = "PARTY_COMMITTEE";
    private String level = "COMMUNE";
    private String parentId;
    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate openedOn;
    private String newParentId;
    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate validFrom;
    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate closedOn;
    private String successorUnitId;
    private long version;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getParentId() { return parentId; }
    public void setParentId(String parentId) { this.parentId = parentId; }
    public LocalDate getOpenedOn() { return openedOn; }
    public void setOpenedOn(LocalDate openedOn) { this.openedOn = openedOn; }
    public String getNewParentId() { return newParentId; }
    public void setNewParentId(String newParentId) { this.newParentId = newParentId; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getClosedOn() { return closedOn; }
    public void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
    public String getSuccessorUnitId() { return successorUnitId; }
    public void setSuccessorUnitId(String successorUnitId) { this.successorUnitId = successorUnitId; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }

    UnitApi.Register register() {
        return new UnitApi.Register(trim(code), trim(name), kind, level, openedOn, trim(parentId));
    }

    /** The body of {@code POST /api/v1/units/{code}/{action}}, with the names the API's field errors use. */
    Object change(String action) {
        return switch (action) {
            case "rename" -> new UnitApi.Rename(trim(name), validFrom);
            case "move" -> new UnitApi.Move(trim(newParentId), validFrom);
            case "close" -> new UnitApi.Close(closedOn, trim(successorUnitId));
            default -> throw new IllegalArgumentException("unknown change " + action);
        };
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
