package app.covenant.insurance.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates the demo broker issues, with dates relative to the day the demo data is created: the
 * producer (the broker's agency), the policies of each demo sub — chosen so that the compliance check has
 * something true to say about each — and the ACORD 25's description of operations for a project.
 */
final class DemoCertificates {

    static final String BROKER_NAME = "Blair Broker";
    static final String BROKER_EMAIL = "broker@covenant.test";
    static final String BROKER_PHONE = "(212) 555-0190";
    static final SampleCertificate.Party PRODUCER = new SampleCertificate.Party("Harborview Risk Advisors LLC",
            List.of("80 Maiden Lane, Suite 1204", "New York, NY 10038"));

    private static final String HUDSON = "Hudson Valley Casualty Company";
    private static final String BOROUGHS = "Five Boroughs Indemnity Company";
    private static final String ATLANTIC = "Atlantic Shore Specialty Insurance Company";
    private static final String TRI_STATE = "Tri-State Workers Compensation Mutual";
    private static final String PALISADES = "Palisades Mutual Insurance Company";

    private static final long MILLION = 1_000_000L;

    private DemoCertificates() {
    }

    /**
     * Demo Electric's policies: the electrical tier's limits, every endorsement and flag — and a general liability
     * policy that expires in exactly 7 days (its renewal is what the expiry reminders are about).
     */
    static List<SamplePolicy> electrical(LocalDate today) {
        LocalDate glExpires = today.plusDays(7);
        LocalDate renewed = today.minusDays(125);
        return List.of(
                gl(HUDSON, "24631", "HVC-GL-2214781", glExpires.minusYears(1), glExpires, 1, 2),
                auto(BOROUGHS, "31917", "FBI-CA-0937714", renewed, renewed.plusYears(1)),
                umbrella(ATLANTIC, "40482", "ASS-XS-5512030", renewed, renewed.plusYears(1), 5),
                wc(TRI_STATE, "12873", "TSW-WC-3318842", renewed, renewed.plusYears(1), true));
    }

    /** Skyline Roofing's policies: compliant but for a $5M umbrella where roofing (high-risk) needs $10M. */
    static List<SamplePolicy> roofing(LocalDate today) {
        LocalDate effective = today.minusDays(40);
        return List.of(
                gl(HUDSON, "24631", "HVC-GL-2219960", effective, effective.plusYears(1), 2, 4),
                auto(BOROUGHS, "31917", "FBI-CA-0941185", effective, effective.plusYears(1)),
                umbrella(ATLANTIC, "40482", "ASS-XS-5518774", effective, effective.plusYears(1), 5),
                wc(TRI_STATE, "12873", "TSW-WC-3320417", effective, effective.plusYears(1), true));
    }

    /**
     * Bedrock Excavation's policies: general liability at the standard $1M/$2M where excavation (high-risk) needs
     * $2M/$4M, and a workers' compensation policy without the waiver of subrogation.
     */
    static List<SamplePolicy> excavation(LocalDate today) {
        LocalDate effective = today.minusDays(35);
        return List.of(
                gl(PALISADES, "26514", "PMI-GL-0078213", effective, effective.plusYears(1), 1, 2),
                auto(PALISADES, "26514", "PMI-CA-0078214", effective, effective.plusYears(1)),
                umbrella(ATLANTIC, "40482", "ASS-XS-5520318", effective, effective.plusYears(1), 10),
                wc(TRI_STATE, "12873", "TSW-WC-3324906", effective, effective.plusYears(1), false));
    }

    /**
     * The description of operations: the project, the work, and who is additional insured on which policies and
     * where subrogation is waived, as the policies say.
     */
    static String operations(String projectName, String projectAddress, String block, String lot, String work,
                             List<String> additionalInsureds, List<SamplePolicy> policies, List<String> endorsements) {
        boolean wcWaiver = policies.stream().anyMatch(p -> "WC".equals(p.line()) && p.waiverOfSubrogation());
        return "Re: " + projectName + ", " + projectAddress + " (Block " + block + ", Lot " + lot + ") — " + work
                + ". " + String.join(", ", additionalInsureds) + " are included as additional insureds on the general "
                + "liability (per " + String.join(" and ", endorsements) + "), automobile and umbrella policies, on a "
                + "primary and non-contributory basis, where required by written contract. Waiver of subrogation "
                + "applies to "
                + (wcWaiver ? "general liability, automobile and workers compensation." : "general liability and "
                + "automobile.");
    }

    private static SamplePolicy gl(String insurer, String naic, String number, LocalDate effective, LocalDate expires,
                                   long occurrenceMillions, long aggregateMillions) {
        return new SamplePolicy("GL", insurer, naic, number, effective, expires, limits(
                "EACH_OCCURRENCE", occurrenceMillions * MILLION,
                "DAMAGE_TO_RENTED_PREMISES", 300_000L,
                "MED_EXP", 10_000L,
                "PERSONAL_ADV_INJURY", occurrenceMillions * MILLION,
                "GENERAL_AGGREGATE", aggregateMillions * MILLION,
                "PRODUCTS_COMP_OP_AGG", aggregateMillions * MILLION), true, true, true, false);
    }

    private static SamplePolicy auto(String insurer, String naic, String number, LocalDate effective, LocalDate expires) {
        return new SamplePolicy("AUTO", insurer, naic, number, effective, expires,
                limits("COMBINED_SINGLE_LIMIT", MILLION), true, true, false, false);
    }

    private static SamplePolicy umbrella(String insurer, String naic, String number, LocalDate effective,
                                         LocalDate expires, long millions) {
        return new SamplePolicy("UMBRELLA", insurer, naic, number, effective, expires, limits(
                "EACH_OCCURRENCE", millions * MILLION,
                "AGGREGATE", millions * MILLION,
                "RETENTION", 10_000L), true, false, true, false);
    }

    private static SamplePolicy wc(String insurer, String naic, String number, LocalDate effective, LocalDate expires,
                                   boolean waiver) {
        return new SamplePolicy("WC", insurer, naic, number, effective, expires, limits(
                "EL_EACH_ACCIDENT", MILLION,
                "EL_DISEASE_EA_EMPLOYEE", MILLION,
                "EL_DISEASE_POLICY_LIMIT", MILLION), false, waiver, false, true);
    }

    private static Map<String, Long> limits(Object... keysAndAmounts) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (int i = 0; i < keysAndAmounts.length; i += 2) {
            limits.put((String) keysAndAmounts[i], (Long) keysAndAmounts[i + 1]);
        }
        return limits;
    }
}
