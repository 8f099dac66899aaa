package app.covenant.insurance.certificates.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.certificates.CoiExtraction;
import app.covenant.insurance.extraction.Acord25Extraction.FieldValue;
import app.covenant.insurance.extraction.Acord25Extraction.Insurer;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The marks beside values read off an ACORD 25, and where each value sits on the page. */
class ReadingMarksTest {

    private static final CoiExtraction READ = new CoiExtraction(UUID.randomUUID(), "EXTRACTED", "TEXT", "Acme Agency",
            "Demo Electric", "Hudson Builders", Map.of("B", new Insurer("Hartford Fire", "19682")),
            List.of(new Policy("GL", "B", "Hartford Fire", "19682", "GL-1", LocalDate.of(2026, 1, 1), null, true, false,
                    null, Map.of("EACH_OCCURRENCE", 1_000_000L), 0.3)),
            Map.of("Insurer_FullName_B", new FieldValue("Hartford Fire", 0.9),
                    "Policy_GeneralLiability_PolicyNumberIdentifier_A", new FieldValue("GL-1", 0.7),
                    "Policy_GeneralLiability_EffectiveDate_A", new FieldValue("01/01/26", 0.9),
                    "Policy_GeneralLiability_ExpirationDate_A", new FieldValue("13/45/27", 0.3),
                    "GeneralLiability_EachOccurrence_LimitAmount_A", new FieldValue("1M", 0.8)),
            List.of(), Instant.now(), Instant.now());

    @Test
    void sure_values_get_a_quiet_badge_and_doubtful_ones_a_plain_note() {
        ReadingMarks marks = ReadingMarks.of(READ, Map.of());
        assertThat(marks.get("GL", "insurerName")).isEqualTo(new ReadingMarks.Mark("read 90%", false, null));
        assertThat(marks.get("GL", "limits.EACH_OCCURRENCE").low()).as("0.8 is not low").isFalse();
        ReadingMarks.Mark number = marks.get("GL", "policyNumber");
        assertThat(number.low()).isTrue();
        assertThat(number.note()).contains("hard to read", "70%");
        ReadingMarks.Mark expiration = marks.get("GL", "expirationDate");
        assertThat(expiration.badge()).isEqualTo("not read");
        assertThat(expiration.note()).contains("Could not read “13/45/27”");
        assertThat(marks.get("GL", "naic")).as("nothing printed, nothing said").isNull();
        assertThat(marks.get("WC", "policyNumber")).as("a line not on the certificate").isNull();
        assertThat(marks.get(null, "policyNumber")).isNull();
        assertThat(marks.describedBy("GL", "policyNumber", null, "n-read")).isEqualTo("n-read");
        assertThat(marks.describedBy("GL", "expirationDate", "x-error", "x-read")).isEqualTo("x-error x-read");
        assertThat(marks.describedBy("GL", "insurerName", "i-error", "i-read")).isEqualTo("i-error");
        assertThat(marks.describedBy("GL", "insurerName", null, "i-read")).isNull();
    }

    @Test
    void a_policy_number_or_date_missing_is_said_and_a_correction_names_what_was_read() {
        ReadingMarks marks = ReadingMarks.of(new CoiExtraction(READ.documentId(), "EXTRACTED", "TEXT", null, null, null,
                READ.insurers(), READ.policies(), Map.of(), List.of(), Instant.now(), Instant.now()),
                Map.of("GL.policyNumber", "GL-1"));
        assertThat(marks.get("GL", "effectiveDate")).isEqualTo(new ReadingMarks.Mark("not read", true,
                "Not read from the certificate: enter it from the document."));
        assertThat(marks.get("GL", "policyNumber")).isEqualTo(new ReadingMarks.Mark("corrected", false,
                "Corrected: the certificate was read as “GL-1”."));
    }

    @Test
    void boxes_are_the_form_s_rectangles_in_percent_of_the_page_from_its_top_left() {
        ReadingMarks marks = ReadingMarks.of(READ, Map.of());
        // Policy_GeneralLiability_PolicyNumberIdentifier_A: the rectangle of acord25-fields.tsv, origin lower left.
        // x 216, y 444, 112 × 12 points on the 612 × 792 page.
        assertThat(marks.boxes().get("GL.policyNumber")).isEqualTo("35.29 42.42 18.30 1.52");
        assertThat(marks.boxes().get("GL.insurerName")).as("the insurer of the line's letter")
                .isNotEqualTo(marks.boxes().get("GL.line"));
        assertThat(ReadingMarks.of(null, Map.of()).boxes()).containsKey("WC.limits.EL_EACH_ACCIDENT");
        assertThat(ReadingMarks.of(null, Map.of()).marks()).isEmpty();
    }

    @Test
    void problems_name_the_certificate_s_boxes_in_words() {
        assertThat(ReadingMarks.plainProblems(List.of(
                "Could not read \"13/45/27\" in Policy_GeneralLiability_ExpirationDate_A.",
                "Could not read \"1,OOO\" in WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A.",
                "This PDF is a scan."), CoiPages.LINE_LABELS, CoiPages.LIMIT_LABELS))
                .containsExactly("Could not read \"13/45/27\" in the general liability expiration date.",
                        "Could not read \"1,OOO\" in the workers' compensation & employers' liability limit "
                                + "“E.L. each accident”.", "This PDF is a scan.");
    }
}
