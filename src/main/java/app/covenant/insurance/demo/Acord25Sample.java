package app.covenant.insurance.demo;

import app.covenant.documents.pdf.PdfRenderer;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Draws a demo certificate as a PDF laid out like an ACORD 25 (2016/03) "Certificate of liability insurance":
 * producer, insured, insurers A–F with NAIC numbers, one coverage line per policy (insurer letter, additional
 * insured and waiver columns, policy number, dates, limits), description of operations and certificate holder —
 * as readable text, from the same values the broker enters as policy rows. A stand-in for a producer's real form.
 */
@Component
class Acord25Sample {

    static final String TEMPLATE = "pdf/insurance/sample-acord25";

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private static final Map<String, String> LINE_TITLES = Map.of(
            "GL", "Commercial general liability",
            "AUTO", "Automobile liability",
            "UMBRELLA", "Umbrella liability",
            "WC", "Workers compensation and employers' liability",
            "OTHER", "Other");

    private static final Map<String, String> LINE_TERMS = Map.of(
            "GL", "[X] Occur   Gen'l aggregate limit applies per: [X] Project",
            "AUTO", "[X] Any auto",
            "UMBRELLA", "[X] Occur   [X] Umbrella liab",
            "WC", "Any proprietor/partner/executive officer/member excluded? N",
            "OTHER", "");

    private static final Map<String, String> LIMIT_LABELS = Map.ofEntries(
            Map.entry("GL.EACH_OCCURRENCE", "Each occurrence"),
            Map.entry("GL.DAMAGE_TO_RENTED_PREMISES", "Damage to rented premises (ea occurrence)"),
            Map.entry("GL.MED_EXP", "Med exp (any one person)"),
            Map.entry("GL.PERSONAL_ADV_INJURY", "Personal & adv injury"),
            Map.entry("GL.GENERAL_AGGREGATE", "General aggregate"),
            Map.entry("GL.PRODUCTS_COMP_OP_AGG", "Products - comp/op agg"),
            Map.entry("AUTO.COMBINED_SINGLE_LIMIT", "Combined single limit (ea accident)"),
            Map.entry("AUTO.BODILY_INJURY_PER_PERSON", "Bodily injury (per person)"),
            Map.entry("AUTO.BODILY_INJURY_PER_ACCIDENT", "Bodily injury (per accident)"),
            Map.entry("AUTO.PROPERTY_DAMAGE", "Property damage (per accident)"),
            Map.entry("UMBRELLA.EACH_OCCURRENCE", "Each occurrence"),
            Map.entry("UMBRELLA.AGGREGATE", "Aggregate"),
            Map.entry("UMBRELLA.RETENTION", "Retention"),
            Map.entry("WC.EL_EACH_ACCIDENT", "E.L. each accident"),
            Map.entry("WC.EL_DISEASE_EA_EMPLOYEE", "E.L. disease - ea employee"),
            Map.entry("WC.EL_DISEASE_POLICY_LIMIT", "E.L. disease - policy limit"));

    /** A limit as printed: its label and amount. */
    record Limit(String label, String amount) {
    }

    /** One coverage line as printed. */
    record Coverage(String letter, String title, String terms, String additionalInsured, String waiver,
                    String policyNumber, String effective, String expiration, List<Limit> limits) {
    }

    private final ITemplateEngine templates;
    private final PdfRenderer pdf;

    Acord25Sample(ITemplateEngine templates, PdfRenderer pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    byte[] render(SampleCertificate certificate) {
        List<SampleCertificate.Insurer> insurers = certificate.insurers();
        List<SampleCertificate.Insurer> sixInsurers = new ArrayList<>(insurers);
        while (sixInsurers.size() < 6) {
            sixInsurers.add(new SampleCertificate.Insurer(String.valueOf((char) ('A' + sixInsurers.size())), "", ""));
        }
        List<Coverage> coverages = certificate.policies().stream().map(policy -> new Coverage(
                insurers.stream().filter(i -> i.name().equals(policy.insurerName())).findFirst().orElseThrow().letter(),
                LINE_TITLES.get(policy.line()), LINE_TERMS.get(policy.line()),
                "WC".equals(policy.line()) ? "N/A" : yesNo(policy.additionalInsured()),
                yesNo(policy.waiverOfSubrogation()), policy.policyNumber(), us(policy.effectiveDate()),
                us(policy.expirationDate()), limits(policy))).toList();
        Context context = new Context(Locale.US);
        context.setVariable("certificate", certificate);
        context.setVariable("issued", us(certificate.issued()));
        context.setVariable("insurers", sixInsurers);
        context.setVariable("coverages", coverages);
        return pdf.render(templates.process(TEMPLATE, context));
    }

    private static List<Limit> limits(SamplePolicy policy) {
        List<Limit> limits = new ArrayList<>();
        if ("WC".equals(policy.line())) {
            limits.add(new Limit("Per statute", policy.statutory() ? "X" : ""));
        }
        policy.limits().forEach((key, amount) -> limits.add(new Limit(
                LIMIT_LABELS.getOrDefault(policy.line() + "." + key, key), dollars(amount))));
        return limits;
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
