package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The printer's own promises: both kinds read back by the extractor, and no value can fail the page. */
class Acord25PrinterTest {

    private final Acord25Extractor extractor = new Acord25Extractor(new PdfReader());

    private static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Producer_FullName_A", "Harborview Risk Advisors LLC");
        values.put("NamedInsured_FullName_A", "Zhang 张 & Sons Drywall");
        values.put("Insurer_FullName_A", "Hudson Valley Casualty Company");
        values.put("Insurer_NAICCode_A", "24631");
        values.put("GeneralLiability_InsurerLetterCode_A", "A");
        values.put("Policy_GeneralLiability_PolicyNumberIdentifier_A", "HVC-GL-2214781");
        values.put("Policy_GeneralLiability_EffectiveDate_A", "12/13/2025");
        values.put("Policy_GeneralLiability_ExpirationDate_A", "12/13/2026");
        values.put("GeneralLiability_EachOccurrence_LimitAmount_A", "$1,000,000");
        values.put("CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A", "Y");
        values.put("GeneralLiability_OccurrenceIndicator_A", "1");
        values.put("CertificateHolder_FullName_A", "Demo Builders LLC");
        return values;
    }

    @Test
    void flattened_and_fillable_are_read_back_and_what_helvetica_cannot_print_becomes_a_question_mark() {
        for (var printed : Map.of(Method.TEXT, Acord25Printer.flattened(values()),
                Method.ACROFORM, Acord25Printer.fillable(values())).entrySet()) {
            Acord25Extraction read = extractor.extract(printed.getValue());
            assertThat(read.status()).as(printed.getKey().name()).isEqualTo(Status.EXTRACTED);
            assertThat(read.method()).isEqualTo(printed.getKey());
            assertThat(read.producer()).isEqualTo("Harborview Risk Advisors LLC");
            assertThat(read.insured()).isEqualTo("Zhang ? & Sons Drywall");
            assertThat(read.certificateHolder()).isEqualTo("Demo Builders LLC");
            Acord25Extraction.Policy gl = read.policies().getFirst();
            assertThat(gl.policyNumber()).isEqualTo("HVC-GL-2214781");
            assertThat(gl.limits()).containsEntry("EACH_OCCURRENCE", 1_000_000L);
            assertThat(gl.additionalInsured()).isTrue();
            assertThat(read.fields().get("GeneralLiability_OccurrenceIndicator_A").value()).isIn("1", "X");
        }
    }
}
