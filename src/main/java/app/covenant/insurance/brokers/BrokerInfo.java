package app.covenant.insurance.brokers;

import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.shared.web.DottedDomainValidator;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /cois/{id}/broker-info}: one broker for every policy ({@code GLOBAL}) or one per line
 * ({@code PER_POLICY}: GL, AUTO, UMBRELLA, WC; at least one).
 */
public record BrokerInfo(String brokerType, @Valid BrokerContact global, Map<String, @Valid BrokerContact> perPolicy) {

    public static final List<String> POLICY_LINES = List.of("GL", "AUTO", "UMBRELLA", "WC");

    /** What is wrong with the body, field by field (empty when it can be saved). */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (!"GLOBAL".equals(brokerType) && !"PER_POLICY".equals(brokerType)) {
            errors.add(new FieldError("brokerType", "must be GLOBAL or PER_POLICY"));
            return errors;
        }
        if ("GLOBAL".equals(brokerType)) {
            if (global == null) {
                errors.add(new FieldError("global", "name the broker who handles every policy"));
            } else {
                check("global", global, errors);
            }
            return errors;
        }
        if (perPolicy == null || perPolicy.values().stream().allMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("perPolicy", "name the broker of at least one line (GL, AUTO, UMBRELLA or WC)"));
            return errors;
        }
        perPolicy.forEach((line, contact) -> {
            if (!POLICY_LINES.contains(line)) {
                errors.add(new FieldError("perPolicy." + line, "is not a line of coverage; use GL, AUTO, UMBRELLA or WC"));
            } else if (contact != null) {
                check("perPolicy." + line, contact, errors);
            }
        });
        return errors;
    }

    /** Line (GLOBAL, or GL, AUTO, UMBRELLA, WC) → contact, in a stable order. */
    public Map<String, BrokerContact> byLine() {
        Map<String, BrokerContact> lines = new LinkedHashMap<>();
        if ("GLOBAL".equals(brokerType)) {
            lines.put("GLOBAL", global);
        } else {
            POLICY_LINES.forEach(line -> {
                if (perPolicy.get(line) != null) {
                    lines.put(line, perPolicy.get(line));
                }
            });
        }
        return lines;
    }

    private static void check(String field, BrokerContact contact, List<FieldError> errors) {
        if (contact.name() == null || contact.name().isBlank()) {
            errors.add(new FieldError(field + ".name", "must not be blank"));
        }
        if (contact.email() == null || contact.email().isBlank()) {
            errors.add(new FieldError(field + ".email", "must not be blank"));
        } else if (!DottedDomainValidator.isDeliverable(contact.email().strip())) {
            errors.add(new FieldError(field + ".email", "must be an e-mail address such as name@example.com"));
        }
    }
}
