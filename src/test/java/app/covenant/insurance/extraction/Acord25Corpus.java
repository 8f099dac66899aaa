package app.covenant.insurance.extraction;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A corpus of ACORD 25 certificates for testing the extractor, printed by {@link Acord25Printer} on the real layout
 * (labels, and fields at the real rectangles of {@code acord25-fields.tsv}): either fillable (an AcroForm with the
 * real field names and values set) or flattened (the same values printed inside the rectangles, no form). Values
 * come from a seeded generator in the messy formats real certificates use ({@code $1,000,000}, {@code 1M},
 * {@code M/D/YY}, missing lines, long names), with the truth kept beside them.
 */
final class Acord25Corpus {

    /** What a coverage line really says, before it was formatted for the page. */
    record Truth(String line, String letter, String policyNumber, LocalDate effective, LocalDate expiration,
                 boolean additionalInsured, boolean waiver, Map<String, Long> limits) {
    }

    /**
     * @param values field name → what is written (check boxes: {@code "1"} when checked)
     */
    record Certificate(long seed, Map<String, String> values, List<Truth> policies) {
    }

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private static final List<String> AGENCIES = List.of("Acme Insurance Agency", "Hudson Valley Risk Partners LLC",
            "Marsh & McLennan Agency LLC", "Brown & Brown of New York, Inc.", "Lockton Companies",
            "The Hartwell-Oyelaran Insurance Group of the Greater Tri-State Area, Inc.");
    private static final List<String> INSUREDS = List.of("Demo Electric LLC", "Northside Plumbing & Heating Corp.",
            "O'Brien Concrete", "Kowalczyk Steel Erectors, Inc.",
            "Northeast Mechanical, Electrical & Fire Protection Contractors of the Hudson Valley LLC",
            "Zhang & Sons Drywall", "Rivera Roofing and Sheet Metal Co.");
    private static final List<String> CARRIERS = List.of("Travelers Property Casualty Company of America",
            "Hartford Fire Insurance Company", "Zurich American Insurance Company", "Liberty Mutual Fire Ins Co",
            "Navigators Insurance Company", "State Insurance Fund", "Cincinnati Insurance Company",
            "Arch Specialty Insurance Company");
    private static final List<String> HOLDERS = List.of("Hudson Builders LLC", "Tishman Construction Corporation",
            "Turner Construction Company", "Skanska USA Building Inc.");
    private static final List<String> STREETS = List.of("Main Street", "Broadway", "Industrial Pkwy", "Route 9W",
            "Ocean Avenue", "Fifth Avenue, Suite 1200");
    private static final List<String> CITIES = List.of("Albany", "Newburgh", "New York", "Poughkeepsie", "Yonkers",
            "Kingston");
    private static final List<String> REMARKS = List.of(
            "Certificate holder is included as additional insured on a primary and non-contributory basis with "
                    + "respect to general liability where required by written contract.",
            "Project: Hudson Tower, 200 River Road. Waiver of subrogation applies in favor of the certificate "
                    + "holder as required by written contract. 30 days notice of cancellation.",
            "");

    private Acord25Corpus() {
    }

    static Certificate generate(long seed) {
        Random random = new Random(seed);
        Map<String, String> v = new LinkedHashMap<>();
        LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(330));
        v.put("Form_CompletionDate_A", date(random, issued));
        v.put("Producer_FullName_A", pick(random, AGENCIES));
        address(random, v, "Producer_MailingAddress_");
        v.put("Producer_ContactPerson_FullName_A", pick(random, List.of("Brooke Broker", "Ana Souza", "J. Smith")));
        v.put("Producer_ContactPerson_PhoneNumber_A", "(" + (200 + random.nextInt(700)) + ") 555-0" + (100 + random.nextInt(899)));
        if (random.nextBoolean()) {
            v.put("Producer_FaxNumber_A", "(518) 555-0199");
        }
        v.put("Producer_ContactPerson_EmailAddress_A", "certs" + random.nextInt(99) + "@agency.test");
        v.put("NamedInsured_FullName_A", pick(random, INSUREDS));
        address(random, v, "NamedInsured_MailingAddress_");
        int insurers = 2 + random.nextInt(4);
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < insurers; i++) {
            String letter = String.valueOf((char) ('A' + i));
            letters.add(letter);
            v.put("Insurer_FullName_" + letter, CARRIERS.get((int) ((seed + i) % CARRIERS.size())));
            v.put("Insurer_NAICCode_" + letter, String.valueOf(10000 + random.nextInt(89999)));
        }
        v.put("CertificateOfInsurance_CertificateNumberIdentifier_A", String.valueOf(100000 + random.nextInt(899999)));
        if (random.nextBoolean()) {
            v.put("CertificateOfInsurance_RevisionNumberIdentifier_A", String.valueOf(random.nextInt(5)));
        }
        List<Truth> policies = new ArrayList<>();
        for (CoverageLines line : CoverageLines.ALL) {
            double chance = switch (line.line()) {
                case "GL" -> 0.95;
                case "AUTO" -> 0.7;
                case "UMBRELLA" -> 0.6;
                case "WC" -> 0.8;
                default -> 0.2;
            };
            if (random.nextDouble() >= chance) {
                continue;
            }
            policies.add(line(random, v, line, letters));
        }
        v.put("CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A", pick(random, REMARKS));
        v.put("CertificateHolder_FullName_A", pick(random, HOLDERS));
        address(random, v, "CertificateHolder_MailingAddress_");
        v.values().removeIf(String::isEmpty);
        return new Certificate(seed, v, policies);
    }

    private static Truth line(Random random, Map<String, String> v, CoverageLines line, List<String> letters) {
        String letter = pick(random, letters);
        v.put(line.letter(), letter);
        boolean ai = false;
        if (line.additionalInsured() != null) {
            String mark = pick(random, List.of("Y", "X", ""));
            ai = !mark.isEmpty();
            v.put(line.additionalInsured(), mark);
        }
        String waiverMark = pick(random, List.of("Y", "X", ""));
        v.put(line.waiver(), waiverMark);
        String number = pick(random, List.of("CPP", "BA", "TC2J-UB", "WC", "EXS")) + "-" + (1000000 + random.nextInt(8999999))
                + (random.nextBoolean() ? "-0" + random.nextInt(10) : "");
        v.put(line.policyNumber(), number);
        LocalDate effective = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        LocalDate expiration = effective.plusYears(1);
        v.put(line.effective(), date(random, effective));
        v.put(line.expiration(), date(random, expiration));
        Map<String, Long> limits = new LinkedHashMap<>();
        Map<String, long[]> choices = switch (line.line()) {
            case "GL" -> Map.of("EACH_OCCURRENCE", new long[] {1_000_000, 2_000_000},
                    "DAMAGE_TO_RENTED_PREMISES", new long[] {100_000, 300_000, 50_000},
                    "MED_EXP", new long[] {5_000, 10_000, 15_000},
                    "PERSONAL_ADV_INJURY", new long[] {1_000_000},
                    "GENERAL_AGGREGATE", new long[] {2_000_000, 4_000_000},
                    "PRODUCTS_COMP_OP_AGG", new long[] {2_000_000, 4_000_000});
            case "AUTO" -> random.nextInt(4) == 0
                    ? Map.of("BODILY_INJURY_PER_PERSON", new long[] {500_000}, "BODILY_INJURY_PER_ACCIDENT",
                    new long[] {1_000_000}, "PROPERTY_DAMAGE", new long[] {250_000})
                    : Map.of("COMBINED_SINGLE_LIMIT", new long[] {1_000_000, 2_000_000});
            case "UMBRELLA" -> Map.of("EACH_OCCURRENCE", new long[] {2_000_000, 5_000_000, 10_000_000},
                    "AGGREGATE", new long[] {2_000_000, 5_000_000, 10_000_000},
                    "RETENTION", new long[] {0, 10_000, 25_000});
            case "WC" -> Map.of("EL_EACH_ACCIDENT", new long[] {500_000, 1_000_000},
                    "EL_DISEASE_EA_EMPLOYEE", new long[] {500_000, 1_000_000},
                    "EL_DISEASE_POLICY_LIMIT", new long[] {500_000, 1_000_000, 1_500_000});
            default -> Map.of();
        };
        line.limits().forEach((key, field) -> {
            long[] options = choices.get(key);
            // Some limits are left blank, as certificates do for what is not covered.
            if (options == null || random.nextInt(12) == 0) {
                return;
            }
            long amount = options[random.nextInt(options.length)];
            limits.put(key, amount);
            v.put(field, money(random, amount));
        });
        switch (line.line()) {
            case "GL" -> {
                v.put("GeneralLiability_CoverageIndicator_A", "1");
                v.put(random.nextInt(5) == 0 ? "GeneralLiability_ClaimsMadeIndicator_A"
                        : "GeneralLiability_OccurrenceIndicator_A", "1");
                v.put(pick(random, List.of("GeneralLiability_GeneralAggregate_LimitAppliesPerPolicyIndicator_A",
                        "GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A")), "1");
            }
            case "AUTO" -> {
                v.put("Vehicle_AnyAutoIndicator_A", "1");
                if (random.nextBoolean()) {
                    v.put("Vehicle_HiredAutosIndicator_A", "1");
                    v.put("Vehicle_NonOwnedAutosIndicator_A", "1");
                }
            }
            case "UMBRELLA" -> {
                v.put(random.nextBoolean() ? "Policy_PolicyType_UmbrellaIndicator_A" : "Policy_PolicyType_ExcessIndicator_A", "1");
                v.put("ExcessUmbrella_OccurrenceIndicator_A", "1");
                v.put("ExcessUmbrella_RetentionIndicator_A", "1");
            }
            case "WC" -> {
                v.put("WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A", "1");
                v.put("WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A", "N");
            }
            default -> {
                v.put("OtherPolicy_OtherPolicyDescription_A", "Contractors Equipment");
                v.put("OtherPolicy_CoverageCode_A", "Leased/Rented");
                v.put("OtherPolicy_CoverageLimitAmount_A", money(random, 100_000));
            }
        }
        return new Truth(line.line(), letter, number, effective, expiration, ai, !waiverMark.isEmpty(), limits);
    }

    private static void address(Random random, Map<String, String> v, String prefix) {
        v.put(prefix + "LineOne_A", (1 + random.nextInt(9999)) + " " + pick(random, STREETS));
        if (random.nextInt(3) == 0) {
            v.put(prefix + "LineTwo_A", "P.O. Box " + (100 + random.nextInt(900)));
        }
        v.put(prefix + "CityName_A", pick(random, CITIES));
        v.put(prefix + "StateOrProvinceCode_A", pick(random, List.of("NY", "NJ", "CT")));
        v.put(prefix + "PostalCode_A", String.valueOf(10000 + random.nextInt(89999)));
    }

    /** Dates the ways certificates print them. */
    private static String date(Random random, LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(pick(random, List.of("MM/dd/yyyy", "MM/dd/yyyy", "M/d/yy",
                "MM/dd/yy")), Locale.US));
    }

    /** Amounts the ways certificates print them, shorthand now and then. */
    static String money(Random random, long amount) {
        String grouped = NumberFormat.getIntegerInstance(Locale.US).format(amount);
        int style = random.nextInt(10);
        if (style == 0 && amount >= 1_000 && amount % 1_000 == 0) {
            if (amount >= 1_000_000 && amount % 100_000 == 0) {
                String millions = java.math.BigDecimal.valueOf(amount, 6).stripTrailingZeros().toPlainString();
                return millions + "M";
            }
            return (amount / 1_000) + "K";
        }
        return switch (style % 4) {
            case 0 -> "$" + grouped;
            case 1 -> grouped;
            case 2 -> "$ " + grouped;
            default -> style > 6 ? String.valueOf(amount) : "$" + grouped;
        };
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    // --- PDFs ---

    /** The certificate with an AcroForm holding its values (field names as the form has them). */
    static byte[] fillable(Certificate certificate) {
        // Odd seeds wrap the fields the way some producers' tools do: F[0].P1[0].Producer_FullName_A[0].
        return Acord25Printer.fillable(certificate.values(), certificate.seed() % 2 != 0);
    }

    /** The certificate printed into the page: the values drawn inside the rectangles, no form. */
    static byte[] flattened(Certificate certificate) {
        // Printers nudge values: each is drawn up to a point off its usual place.
        return Acord25Printer.flattened(certificate.values(), new Random(certificate.seed() * 31));
    }

    /** An image-only page: what a scanner produces. */
    static byte[] scan() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 260, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D graphics = image.createGraphics();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, 200, 260);
            graphics.setColor(Color.BLACK);
            graphics.drawString("ACORD 25", 20, 20);
            graphics.dispose();
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 0, 0, 612, 792);
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A letter-size invoice whose text falls where the certificate's fields would be. */
    static byte[] invoice() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                text(content, BOLD, 16, 40, 760, "INVOICE 2026-0042");
                for (int y = 700; y > 60; y -= 12) {
                    text(content, HELVETICA, 8, 24, y + 3, "Line item " + y + "   Concrete delivery   $1,000,000   01/31/2027   Y");
                    text(content, HELVETICA, 8, 380, y + 3, "01/31/2027   $ 2,000,000   A");
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate, fillable, that needs a password to open. */
    static byte[] passwordProtected(Certificate certificate) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(fillable(certificate))) {
            document.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
