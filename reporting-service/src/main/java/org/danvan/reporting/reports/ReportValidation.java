package org.danvan.reporting.reports;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.types.Decimal128;
import org.danvan.reporting.catalogue.DataElement;
import org.danvan.reporting.catalogue.ValueType;
import org.danvan.reporting.forms.ReportForm;
import org.danvan.reporting.forms.ValidationRule;
import org.danvan.support.problem.InvalidRequestException.Violation;
import org.danvan.support.text.VietnameseText;

/**
 * Checks a report's values against its form: each value has its element's type (counts are whole numbers,
 * nothing is negative, and the store can hold it), only elements of the form are reported, every rule of the form holds and — for a
 * submission — every required element has a value. Every problem is collected, none stops the others.
 */
final class ReportValidation {

    /** A value as the caller wrote it: a number, true/false, or text to read as one. */
    record RawValue(Object value, Boolean provisional, Boolean estimated) {
    }

    /** Vietnamese and English thousands separators: {@code 53.486} and {@code 53,486} are both 53486. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,])\\d{3}(\\1\\d{3})*");
    private static final Set<String> YES = Set.of("true", "co", "yes", "x", "1", "dat");
    private static final Set<String> NO = Set.of("false", "khong", "no", "0", "khong dat");

    private ReportValidation() {
    }

    /** The values that read as their element's type; the others become violations. */
    static Map<String, ReportValue> values(ReportForm form, Map<String, DataElement> catalogue,
            Map<String, RawValue> raw, List<Violation> violations) {
        Map<String, ReportValue> values = new LinkedHashMap<>();
        raw.forEach((code, input) -> {
            DataElement element = catalogue.get(code);
            if (element == null || form.element(code).isEmpty()) {
                violations.add(new Violation("values." + code, "report.value.not-in-form", code, form.code()));
                return;
            }
            if (outOfRange(element, input)) {
                violations.add(new Violation("values." + code, "report.value.out-of-range", String.valueOf(input.value())));
                return;
            }
            Optional<ReportValue> value = input == null ? Optional.empty() : parse(element, input);
            if (value.isEmpty()) {
                violations.add(new Violation("values." + code, "report.value." + element.valueType().name().toLowerCase(Locale.ROOT),
                        input == null ? null : String.valueOf(input.value())));
            } else {
                values.put(code, value.get());
            }
        });
        return values;
    }

    /** Rule failures, and for a {@code complete} report the required elements without a value. */
    static void rules(ReportForm form, Map<String, ReportValue> values, boolean complete, Locale locale,
            List<Violation> violations) {
        if (complete) {
            form.elements().stream().filter(ReportForm.Element::required).map(ReportForm.Element::code)
                    .filter(code -> !values.containsKey(code))
                    .forEach(code -> violations.add(new Violation("values." + code, "report.value.required", code)));
        }
        for (ValidationRule.Failure failure : form.failures(numbers(values))) {
            ValidationRule rule = failure.rule();
            violations.add(new Violation("rules." + rule.code(), "report.rule-failed", rule.code(),
                    rule.name().in(locale), rule.expression(), failure.left().toPlainString(), failure.right().toPlainString()));
        }
    }

    static Map<String, BigDecimal> numbers(Map<String, ReportValue> values) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        values.forEach((code, value) -> {
            if (value.number() != null) {
                numbers.put(code, value.number());
            }
        });
        return numbers;
    }

    static Optional<ReportValue> parse(DataElement element, RawValue raw) {
        boolean provisional = Boolean.TRUE.equals(raw.provisional());
        boolean estimated = Boolean.TRUE.equals(raw.estimated());
        return switch (element.valueType()) {
            case BOOLEAN -> answer(raw.value()).map(a -> new ReportValue(null, a, provisional, estimated));
            case INTEGER -> number(raw.value())
                    .filter(n -> n.signum() >= 0 && (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0))
                    .map(n -> new ReportValue(n.setScale(0), null, provisional, estimated));
            case NUMBER -> number(raw.value()).filter(n -> n.signum() >= 0)
                    .map(n -> new ReportValue(n, null, provisional, estimated));
        };
    }

    private static boolean outOfRange(DataElement element, RawValue input) {
        return input != null && element.valueType() != ValueType.BOOLEAN
                && number(input.value()).filter(n -> !storable(n)).isPresent();
    }

    /** The store keeps numbers as Decimal128: at most 34 significant digits, exponents from -6176 to 6111. */
    private static boolean storable(BigDecimal number) {
        try {
            new Decimal128(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Boolean> answer(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String text) {
            String folded = VietnameseText.fold(text);
            if (YES.contains(folded)) {
                return Optional.of(true);
            }
            if (NO.contains(folded)) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(Object value) {
        try {
            return switch (value) {
                case BigDecimal d -> Optional.of(d);
                case Integer i -> Optional.of(BigDecimal.valueOf(i));
                case Long l -> Optional.of(BigDecimal.valueOf(l));
                case java.math.BigInteger b -> Optional.of(new BigDecimal(b));
                case Number n -> Optional.of(new BigDecimal(n.toString()));
                case String text -> Optional.of(new BigDecimal(numeral(text)));
                case null, default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "53.486" or "53 486" → "53486"; "12,5" → "12.5". */
    private static String numeral(String text) {
        String compact = text.strip().replace(" ", "").replace("\u00a0", "");
        if (GROUPED.matcher(compact).matches()) {
            return compact.replace(".", "").replace(",", "");
        }
        return compact.replace(',', '.');
    }
}
