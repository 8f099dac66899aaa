package app.covenant.insurance.certificates.web;

import app.covenant.insurance.brokers.BrokerContact;
import app.covenant.insurance.brokers.BrokerInfo;
import app.covenant.insurance.brokers.NamedBroker;
import app.covenant.insurance.certificates.CoiBroker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The "Name brokers" form: {@code brokerType} GLOBAL or PER_POLICY, the global broker as {@code global.name} …
 * and a per-policy one as {@code perPolicy.GL.name} …, the field names of {@link BrokerInfo#problems()} so its
 * errors land beside the right inputs. Prefilled from the certificate's brokers, else the sub's stored ones.
 */
record BrokerForm(String brokerType, Map<String, BrokerContact> contacts) {

    static final List<String> FIELDS = List.of("name", "company", "email", "phone");

    static BrokerForm named(List<CoiBroker> onCertificate, List<NamedBroker> ofSub) {
        Map<String, BrokerContact> contacts = new LinkedHashMap<>();
        if (!onCertificate.isEmpty()) {
            onCertificate.forEach(b -> contacts.put(b.line(), new BrokerContact(b.name(), b.company(), b.email(), b.phone())));
        } else {
            ofSub.forEach(b -> contacts.put(b.line(), new BrokerContact(b.name(), b.company(), b.email(), b.phone())));
        }
        boolean perPolicy = !contacts.isEmpty() && !contacts.containsKey("GLOBAL");
        return new BrokerForm(perPolicy ? "PER_POLICY" : "GLOBAL", contacts);
    }

    static BrokerForm read(MultiValueMap<String, String> form) {
        Map<String, BrokerContact> contacts = new LinkedHashMap<>();
        contact(form, "global").ifPresent(c -> contacts.put("GLOBAL", c));
        BrokerInfo.POLICY_LINES.forEach(line -> contact(form, "perPolicy." + line).ifPresent(c -> contacts.put(line, c)));
        return new BrokerForm(form.getFirst("brokerType"), contacts);
    }

    /** What the workflow takes: the contacts of the chosen kind only. */
    BrokerInfo info() {
        if ("PER_POLICY".equals(brokerType)) {
            Map<String, BrokerContact> perPolicy = new LinkedHashMap<>(contacts);
            perPolicy.remove("GLOBAL");
            return new BrokerInfo(brokerType, null, perPolicy);
        }
        return new BrokerInfo(brokerType, contacts.get("GLOBAL"), null);
    }

    /** Lengths the columns hold (the API checks them with bean validation). */
    List<app.covenant.shared.problem.ProblemException.FieldError> tooLong() {
        List<app.covenant.shared.problem.ProblemException.FieldError> errors = new java.util.ArrayList<>();
        contacts.forEach((line, c) -> {
            String at = "GLOBAL".equals(line) ? "global." : "perPolicy." + line + ".";
            check(errors, at + "name", c.name(), 200);
            check(errors, at + "company", c.company(), 200);
            check(errors, at + "email", c.email(), 254);
            check(errors, at + "phone", c.phone(), 40);
        });
        return errors;
    }

    private static void check(List<app.covenant.shared.problem.ProblemException.FieldError> errors, String field,
                              String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new app.covenant.shared.problem.ProblemException.FieldError(field,
                    "must be at most " + max + " characters"));
        }
    }

    /** A contact's field for the form ({@code line} GLOBAL or a line of coverage). */
    public String value(String line, String field) {
        BrokerContact contact = contacts.get(line);
        if (contact == null) {
            return null;
        }
        return switch (field) {
            case "name" -> contact.name();
            case "company" -> contact.company();
            case "email" -> contact.email();
            default -> contact.phone();
        };
    }

    public boolean perPolicy() {
        return "PER_POLICY".equals(brokerType);
    }

    private static java.util.Optional<BrokerContact> contact(MultiValueMap<String, String> form, String prefix) {
        String name = value(form, prefix + ".name");
        String company = value(form, prefix + ".company");
        String email = value(form, prefix + ".email");
        String phone = value(form, prefix + ".phone");
        if (name == null && company == null && email == null && phone == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new BrokerContact(name, company, email, phone));
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
