package org.danvan.web.reports;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a cadre types into a report form (kept as typed, so a refused report comes back as it was) and a
 * reviewer's reason. {@code id} and {@code version} are empty until the report exists.
 */
public class ReportEntry {

    private String id;
    private long version;
    private String form;
    private String unit;
    private String period;
    private Map<String, String> values = new LinkedHashMap<>();
    private String reason;

    /** The stored report's values, written the way the user's language writes numbers. */
    static ReportEntry of(ReportViews.Report report, Locale locale) {
        ReportEntry entry = new ReportEntry();
        entry.id = report.id();
        entry.version = report.storeVersion();
        entry.form = report.formCode();
        entry.unit = report.unitId();
        entry.period = report.period();
        report.values().forEach((code, value) -> entry.values.put(code, text(value.value(), locale)));
        return entry;
    }

    /** A number with the user's separators ({@code 53.486}, {@code 12,5} in Vietnamese); yes/no as true/false. */
    static String text(Object value, Locale locale) {
        if (value == null || value instanceof Boolean) {
            return value == null ? "" : value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(10);
        return format.format(new BigDecimal(value.toString()));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id == null || id.isBlank() ? null : id; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getForm() { return form; }
    public void setForm(String form) { this.form = form; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public Map<String, String> getValues() { return values; }
    public void setValues(Map<String, String> values) { this.values = values; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
