package app.covenant.insurance.certificates.web;

import app.covenant.insurance.certificates.CoiPolicy;
import app.covenant.insurance.certificates.PolicyInput;
import app.covenant.insurance.certificates.PolicyLimits;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The policy rows of the certificate pages' policy form ({@code policies[i].field}, limits as
 * {@code policies[i].limits.KEY}) read into the workflow's {@link PolicyInput}s, and kept as the typed text to
 * show the form again. Rows are numbered again in the order posted (a row removed in the browser leaves a
 * gap), so the workflow's {@code policies[i]…} errors name the rows as shown. Judging the rows is the workflow's
 * job; here only what cannot be read (a date, an amount) is refused.
 */
record PolicyRows(List<Row> rows, List<PolicyInput> inputs, List<FieldError> unreadable) {

    private static final Pattern INDEX = Pattern.compile("^policies\\[(\\d+)]\\.");

    /** One row as typed: limits by canonical key of its line, amounts as text. */
    record Row(String line, String insurerName, String naic, String policyNumber, String effectiveDate,
               String expirationDate, Map<String, String> limits, boolean additionalInsured,
               boolean waiverOfSubrogation, boolean primaryNonContributory, boolean statutory) {

        static Row of(CoiPolicy policy) {
            Map<String, String> limits = new LinkedHashMap<>();
            policy.limits().forEach((key, amount) -> limits.put(key, String.format("%,d", amount)));
            return new Row(policy.line(), policy.insurerName(), policy.naic(), policy.policyNumber(),
                    text(policy.effectiveDate()), text(policy.expirationDate()), limits, policy.additionalInsured(),
                    policy.waiverOfSubrogation(), policy.primaryNonContributory(), policy.statutory());
        }

        /** A row prefilled from what was read off the ACORD 25. */
        static Row read(app.covenant.insurance.extraction.Acord25Extraction.Policy policy) {
            Map<String, String> limits = new LinkedHashMap<>();
            if (policy.limits() != null) {
                policy.limits().forEach((key, amount) -> limits.put(key, String.format("%,d", amount)));
            }
            return new Row(policy.line(), policy.insurerName(), policy.naic(), policy.policyNumber(),
                    text(policy.effectiveDate()), text(policy.expirationDate()), limits, policy.additionalInsured(),
                    policy.waiverOfSubrogation(), false, Boolean.TRUE.equals(policy.statutory()));
        }

        static Row blank(String line) {
            return new Row(line, null, null, null, null, null, Map.of(), false, false, false, false);
        }

        public String limit(String key) {
            return limits.get(key);
        }

        private boolean empty() {
            return PolicyRows.blank(insurerName) && PolicyRows.blank(naic)
                    && PolicyRows.blank(policyNumber) && PolicyRows.blank(effectiveDate)
                    && PolicyRows.blank(expirationDate) && limits.values().stream().allMatch(PolicyRows::blank);
        }
    }

    static PolicyRows of(List<CoiPolicy> policies) {
        return new PolicyRows(policies.stream().map(Row::of).toList(), List.of(), List.of());
    }

    static PolicyRows read(MultiValueMap<String, String> form) {
        TreeSet<Integer> indexes = new TreeSet<>();
        form.keySet().forEach(name -> {
            Matcher m = INDEX.matcher(name);
            if (m.find()) {
                indexes.add(Integer.parseInt(m.group(1)));
            }
        });
        List<Row> rows = new ArrayList<>();
        for (int posted : indexes) {
            String at = "policies[" + posted + "].";
            String line = value(form, at + "line");
            Map<String, String> limits = new LinkedHashMap<>();
            if (line != null && PolicyLimits.LINES.contains(line)) {
                PolicyLimits.keysOf(line).forEach(key -> {
                    String amount = value(form, at + "limits." + key);
                    if (amount != null) {
                        limits.put(key, amount);
                    }
                });
            }
            Row row = new Row(line, value(form, at + "insurerName"), value(form, at + "naic"),
                    value(form, at + "policyNumber"), value(form, at + "effectiveDate"),
                    value(form, at + "expirationDate"), limits, checked(form, at + "additionalInsured"),
                    checked(form, at + "waiverOfSubrogation"), checked(form, at + "primaryNonContributory"),
                    checked(form, at + "statutory"));
            if (!row.empty()) {
                rows.add(row);
            }
        }
        List<PolicyInput> inputs = new ArrayList<>();
        List<FieldError> unreadable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = "policies[" + i + "].";
            Map<String, Long> limits = new LinkedHashMap<>();
            row.limits().forEach((key, text) -> {
                String digits = text.replaceAll("[\\s$,]", "");
                if (!digits.matches("\\d{1,15}")) {
                    unreadable.add(new FieldError(at + "limits." + key, "must be whole dollars such as 1,000,000"));
                } else {
                    limits.put(key, Long.parseLong(digits));
                }
            });
            inputs.add(new PolicyInput(row.line(), row.insurerName(), row.naic(), row.policyNumber(),
                    date(row.effectiveDate(), at + "effectiveDate", unreadable),
                    date(row.expirationDate(), at + "expirationDate", unreadable), limits, row.additionalInsured(),
                    row.waiverOfSubrogation(), row.primaryNonContributory(), row.statutory()));
        }
        return new PolicyRows(rows, inputs, unreadable);
    }

    /** The rows to show: those typed, else one blank row to start from. */
    List<Row> shown() {
        return rows.isEmpty() ? List.of(Row.blank("GL")) : rows;
    }

    private static LocalDate date(String text, String field, List<FieldError> unreadable) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            unreadable.add(new FieldError(field, "must be a date such as 2027-01-31"));
            return null;
        }
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return blank(value) ? null : value.strip();
    }

    private static boolean checked(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values != null && values.contains("true");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
