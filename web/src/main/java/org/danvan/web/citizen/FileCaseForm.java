package org.danvan.web.citizen;

/**
 * What the citizen types on the filing page. A form-backing bean (not a record) so that a field error from
 * the API can be bound beside its field with the value the citizen typed, e.g. {@code citizen.name}.
 */
public class FileCaseForm {

    private String kind = "RECOMMENDATION";
    private String subject;
    private String content;
    private String areaUnitId;
    private String unitQuery;
    private boolean anonymous;
    private Citizen citizen = new Citizen();
    /** Drawn when the form is first shown and kept across its re-renders: sending it twice files one case. */
    private String idempotencyKey = java.util.UUID.randomUUID().toString();

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getAreaUnitId() { return areaUnitId; }
    public void setAreaUnitId(String areaUnitId) { this.areaUnitId = areaUnitId; }
    public String getUnitQuery() { return unitQuery; }
    public void setUnitQuery(String unitQuery) { this.unitQuery = unitQuery; }
    public boolean isAnonymous() { return anonymous; }
    public void setAnonymous(boolean anonymous) { this.anonymous = anonymous; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public Citizen getCitizen() { return citizen; }
    public void setCitizen(Citizen citizen) { this.citizen = citizen; }

    /** The body of {@code POST /api/v1/cases}; an anonymous filing sends no citizen. */
    CaseApi.FileCase toRequest() {
        CaseApi.Citizen filer = anonymous ? null : new CaseApi.Citizen(citizen.name, blankToNull(citizen.address),
                blankToNull(citizen.phone), blankToNull(citizen.email));
        return new CaseApi.FileCase(kind, subject, content, blankToNull(areaUnitId), "WEB", filer);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static class Citizen {
        private String name;
        private String address;
        private String phone;
        private String email;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }
}
