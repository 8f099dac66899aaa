package app.covenant.contracts.internal;

import app.covenant.contracts.ContractDetails;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A contract's details once checked (400 naming every bad field otherwise): title and counterparty name required,
 * a plausible e-mail address, end after start, amount a decimal ≥ 0 with at most two decimals, currency ISO 4217
 * (USD when blank), renewal and notice periods ≥ 0. {@link #fields()} is their text form, as versions keep them.
 */
record CheckedDetails(String title, String counterpartyName, String counterpartyBusinessName, String counterpartyEmail,
                      LocalDate startDate, LocalDate endDate, BigDecimal amount, String currency, String description,
                      boolean autoRenew, Integer renewalPeriodMonths, Integer noticePeriodDays) {

    static final String DEFAULT_CURRENCY = "USD";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static CheckedDetails of(ContractDetails details) {
        if (details == null) {
            throw ProblemException.invalid("title", "must not be blank");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = text(details.title(), "title", 300, true, errors);
        String counterparty = text(details.counterpartyName(), "counterpartyName", 300, true, errors);
        String business = text(details.counterpartyBusinessName(), "counterpartyBusinessName", 300, false, errors);
        String email = text(details.counterpartyEmail(), "counterpartyEmail", 254, false, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("counterpartyEmail", "must be an e-mail address"));
        }
        if (details.startDate() != null && details.endDate() != null
                && !details.endDate().isAfter(details.startDate())) {
            errors.add(new FieldError("endDate", "must be after the start date"));
        }
        BigDecimal amount = amount(details.amount(), errors);
        String currency = currency(details.currency(), errors);
        String description = text(details.description(), "description", 5000, false, errors);
        Integer renewal = nonNegative(details.renewalPeriodMonths(), "renewalPeriodMonths", 1200, errors);
        Integer notice = nonNegative(details.noticePeriodDays(), "noticePeriodDays", 3650, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new CheckedDetails(title, counterparty, business, email == null ? null : email.toLowerCase(Locale.ROOT),
                details.startDate(), details.endDate(), amount, currency, description,
                Boolean.TRUE.equals(details.autoRenew()), renewal, notice);
    }

    /** Field → text (null for none), in a fixed order: what a version keeps and a comparison shows. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("counterpartyName", counterpartyName);
        fields.put("counterpartyBusinessName", counterpartyBusinessName);
        fields.put("counterpartyEmail", counterpartyEmail);
        fields.put("startDate", startDate == null ? null : startDate.toString());
        fields.put("endDate", endDate == null ? null : endDate.toString());
        fields.put("amount", amount == null ? null : amount.toPlainString());
        fields.put("currency", currency);
        fields.put("description", description);
        fields.put("autoRenew", Boolean.toString(autoRenew));
        fields.put("renewalPeriodMonths", renewalPeriodMonths == null ? null : renewalPeriodMonths.toString());
        fields.put("noticePeriodDays", noticePeriodDays == null ? null : noticePeriodDays.toString());
        return fields;
    }

    /** The details a version kept (a restore). */
    static CheckedDetails fromFields(Map<String, String> fields) {
        return new CheckedDetails(fields.get("title"), fields.get("counterpartyName"),
                fields.get("counterpartyBusinessName"), fields.get("counterpartyEmail"),
                date(fields.get("startDate")), date(fields.get("endDate")),
                fields.get("amount") == null ? null : new BigDecimal(fields.get("amount")),
                fields.getOrDefault("currency", DEFAULT_CURRENCY), fields.get("description"),
                Boolean.parseBoolean(fields.get("autoRenew")), integer(fields.get("renewalPeriodMonths")),
                integer(fields.get("noticePeriodDays")));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (stripped.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return stripped;
    }

    private static BigDecimal amount(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0) {
                errors.add(new FieldError("amount", "must be 0 or more"));
                return null;
            }
            // Checked before any scaling: "1e40000000" is a short string but a forty-million-digit number.
            if (amount.scale() > 2 || amount.precision() - amount.scale() > 17) {
                errors.add(new FieldError("amount", "must have at most 17 digits and 2 decimals"));
                return null;
            }
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new FieldError("amount", "must be a decimal number such as 1250.00"));
            return null;
        }
    }

    private static String currency(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return DEFAULT_CURRENCY;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        return null;
    }

    private static Integer nonNegative(Integer value, String field, int max, List<FieldError> errors) {
        if (value != null && (value < 0 || value > max)) {
            errors.add(new FieldError(field, "must be between 0 and " + max));
        }
        return value;
    }
}
