package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractDetails;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the new-contract wizard posts, as typed (so a refused post shows it again): the source ({@code source}: a
 * template's id, or {@code paper}), the details, and the variables of every template the page offered, named
 * {@code v.<templateId>.<KEY>} — only the chosen template's are used, so the form works without script too.
 */
record ContractWizardForm(String source, String title, String counterpartyName, String counterpartyBusinessName,
                          String counterpartyEmail, String startDate, String endDate, String amount, String currency,
                          String description, boolean autoRenew, String renewalPeriodMonths, String noticePeriodDays,
                          Map<String, String> variableInputs) {

    static final String PAPER = "paper";
    static final String VARIABLE_PREFIX = "v.";

    static ContractWizardForm empty(UUID template) {
        return new ContractWizardForm(template == null ? null : template.toString(), null, null, null, null, null,
                null, null, "USD", null, false, null, null, Map.of());
    }

    static ContractWizardForm of(Map<String, String> params) {
        Map<String, String> variables = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(VARIABLE_PREFIX)) {
                variables.put(name.substring(VARIABLE_PREFIX.length()), value);
            }
        });
        return new ContractWizardForm(params.get("source"), params.get("title"), params.get("counterpartyName"),
                params.get("counterpartyBusinessName"), params.get("counterpartyEmail"), params.get("startDate"),
                params.get("endDate"), params.get("amount"), params.get("currency"), params.get("description"),
                "true".equals(params.get("autoRenew")) || "on".equals(params.get("autoRenew")),
                params.get("renewalPeriodMonths"), params.get("noticePeriodDays"), Map.copyOf(variables));
    }

    public boolean paper() {
        return PAPER.equals(source);
    }

    /** The chosen template, or {@code null} (none chosen, paper, or not an id). */
    UUID templateId() {
        if (source == null || paper()) {
            return null;
        }
        try {
            return UUID.fromString(source.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean chose(UUID template) {
        return template != null && template.toString().equals(source);
    }

    /** What was typed for the template's variable (a refused post keeps it). */
    public String variable(UUID template, String key) {
        return variableInputs.get(template + "." + key);
    }

    /** The chosen template's values by variable key; blanks left out, so the template's defaults apply. */
    Map<String, String> variablesOf(UUID template) {
        String prefix = template + ".";
        Map<String, String> values = new LinkedHashMap<>();
        variableInputs.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != null && !value.isBlank()) {
                values.put(name.substring(prefix.length()), value);
            }
        });
        return values;
    }

    /** The details; a date or number that does not read as one is added to {@code errors} and left out. */
    ContractDetails details(List<FieldError> errors) {
        return new ContractDetails(title, counterpartyName, counterpartyBusinessName, counterpartyEmail,
                date(startDate, "startDate", errors), date(endDate, "endDate", errors), amount, currency, description,
                autoRenew, integer(renewalPeriodMonths, "renewalPeriodMonths", errors),
                integer(noticePeriodDays, "noticePeriodDays", errors));
    }

    static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2027-01-31"));
            return null;
        }
    }

    static Integer integer(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }
}
