package app.covenant.insurance.demo;

import app.covenant.insurance.extraction.Acord25Printer;
import app.covenant.insurance.extraction.CoverageLines;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A demo certificate on the real ACORD 25 (2016/03) layout, flattened as producers send it: producer, insured,
 * insurers A–F with NAIC numbers, one coverage line per policy (insurer letter, additional insured and waiver marks,
 * policy number, dates, limits), description of operations and certificate holder — the same values the broker
 * enters as policy rows, in the fields the extractor reads.
 */
@Component
class Acord25Sample {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    /** The last address line as the form splits it: city, state, ZIP. */
    private static final Pattern CITY_STATE_ZIP = Pattern.compile("^(.+?),\\s*([A-Z]{2})\\s+(\\d{5}(?:-\\d{4})?)$");

    /** The line's kind-of-coverage boxes the demo policies are written on. */
    private static final Map<String, List<String>> LINE_BOXES = Map.of(
            "GL", List.of("GeneralLiability_CoverageIndicator_A", "GeneralLiability_OccurrenceIndicator_A",
                    "GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A"),
            "AUTO", List.of("Vehicle_AnyAutoIndicator_A"),
            "UMBRELLA", List.of("Policy_PolicyType_UmbrellaIndicator_A", "ExcessUmbrella_OccurrenceIndicator_A"));

    byte[] render(SampleCertificate certificate) {
        return Acord25Printer.flattened(values(certificate));
    }

    /** The certificate as the form's fields: field name → what is printed. */
    static Map<String, String> values(SampleCertificate certificate) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Form_CompletionDate_A", us(certificate.issued()));
        party(values, certificate.producer(), "Producer_FullName_A", "Producer_MailingAddress_");
        values.put("Producer_ContactPerson_FullName_A", certificate.producerContact());
        values.put("Producer_ContactPerson_PhoneNumber_A", certificate.producerPhone());
        values.put("Producer_ContactPerson_EmailAddress_A", certificate.producerEmail());
        party(values, certificate.insured(), "NamedInsured_FullName_A", "NamedInsured_MailingAddress_");
        Map<String, String> letters = new LinkedHashMap<>();
        for (SampleCertificate.Insurer insurer : certificate.insurers()) {
            values.put("Insurer_FullName_" + insurer.letter(), insurer.name());
            values.put("Insurer_NAICCode_" + insurer.letter(), insurer.naic());
            letters.put(insurer.name(), insurer.letter());
        }
        for (SamplePolicy policy : certificate.policies()) {
            coverage(values, policy, letters.get(policy.insurerName()));
        }
        values.put("CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A", certificate.operations());
        party(values, certificate.holder(), "CertificateHolder_FullName_A", "CertificateHolder_MailingAddress_");
        values.put("Producer_AuthorizedRepresentative_Signature_A", certificate.authorizedRepresentative());
        values.values().removeIf(value -> value == null || value.isBlank());
        return values;
    }

    private static void coverage(Map<String, String> values, SamplePolicy policy, String letter) {
        CoverageLines line = CoverageLines.ALL.stream().filter(l -> l.line().equals(policy.line())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No coverage line " + policy.line() + " on an ACORD 25"));
        values.put(line.letter(), letter);
        if (line.additionalInsured() != null) {
            values.put(line.additionalInsured(), yesNo(policy.additionalInsured()));
        }
        values.put(line.waiver(), yesNo(policy.waiverOfSubrogation()));
        values.put(line.policyNumber(), policy.policyNumber());
        values.put(line.effective(), us(policy.effectiveDate()));
        values.put(line.expiration(), us(policy.expirationDate()));
        if (line.statutory() != null && policy.statutory()) {
            values.put(line.statutory(), "1");
        }
        policy.limits().forEach((key, amount) -> {
            String field = line.limits().get(key);
            if (field == null) {
                throw new IllegalArgumentException(policy.line() + " has no limit " + key + " on an ACORD 25");
            }
            values.put(field, dollars(amount));
        });
        LINE_BOXES.getOrDefault(policy.line(), List.of()).forEach(box -> values.put(box, "1"));
        if ("UMBRELLA".equals(policy.line()) && policy.limits().containsKey("RETENTION")) {
            values.put("ExcessUmbrella_RetentionIndicator_A", "1");
        }
        if ("WC".equals(policy.line())) {
            values.put("WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A", "N");
        }
    }

    /** Name, first address line, any middle lines as the second, and the last split into city, state and ZIP. */
    private static void party(Map<String, String> values, SampleCertificate.Party party, String nameField,
                              String addressPrefix) {
        values.put(nameField, party.name());
        List<String> address = party.address();
        if (address.isEmpty()) {
            return;
        }
        values.put(addressPrefix + "LineOne_A", address.getFirst());
        if (address.size() == 1) {
            return;
        }
        String last = address.getLast();
        Matcher cityStateZip = CITY_STATE_ZIP.matcher(last);
        List<String> middle = address.subList(1, address.size() - 1);
        if (cityStateZip.matches()) {
            values.put(addressPrefix + "CityName_A", cityStateZip.group(1));
            values.put(addressPrefix + "StateOrProvinceCode_A", cityStateZip.group(2));
            values.put(addressPrefix + "PostalCode_A", cityStateZip.group(3));
            values.put(addressPrefix + "LineTwo_A", String.join(", ", middle));
        } else {
            values.put(addressPrefix + "LineTwo_A", String.join(", ", address.subList(1, address.size())));
        }
    }

    private static String yesNo(boolean flag) {
        return flag ? "Y" : "N";
    }

    static String us(LocalDate date) {
        return date.format(US_DATE);
    }

    static String dollars(long amount) {
        return "$" + NumberFormat.getIntegerInstance(Locale.US).format(amount);
    }
}
