package app.covenant.insurance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import app.covenant.insurance.extraction.Acord25Extractor;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo ACORD 25s are made on the real layout: the extractor reads every one back exactly as the broker's policy
 * rows say — producer, insured, holder, insurers with NAIC, and each policy's number, dates, limits and marks.
 */
class Acord25SampleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final Acord25Extractor extractor = new Acord25Extractor(new PdfReader());

    static Stream<SampleCertificate> demoCertificates() {
        return Stream.of(
                certificate(InsuranceDemoData.DEMO_ELECTRIC, InsuranceDemoData.GOWANUS, "electrical work",
                        DemoCertificates.electrical(TODAY)),
                certificate(InsuranceDemoData.SKYLINE_ROOFING, InsuranceDemoData.GOWANUS, "roofing and waterproofing",
                        DemoCertificates.roofing(TODAY)),
                certificate(InsuranceDemoData.BEDROCK_EXCAVATION, InsuranceDemoData.QUEENS_PLAZA,
                        "excavation and foundation support", DemoCertificates.excavation(TODAY)));
    }

    @ParameterizedTest
    @MethodSource("demoCertificates")
    void the_extractor_reads_the_demo_certificate_back_exactly(SampleCertificate certificate) {
        Acord25Extraction read = extractor.extract(new Acord25Sample().render(certificate));

        assertThat(read.status()).isEqualTo(Status.EXTRACTED);
        assertThat(read.method()).isEqualTo(Method.TEXT);
        assertThat(read.problems()).isEmpty();
        assertThat(read.producer()).isEqualTo(DemoCertificates.PRODUCER.name());
        assertThat(read.insured()).isEqualTo(certificate.insured().name());
        assertThat(read.certificateHolder()).isEqualTo(InsuranceDemoData.DEMO_BUILDERS.name());
        for (SampleCertificate.Insurer insurer : certificate.insurers()) {
            assertThat(read.insurers().get(insurer.letter()))
                    .isEqualTo(new Acord25Extraction.Insurer(insurer.name(), insurer.naic()));
        }
        assertThat(read.policies()).extracting(Policy::line)
                .containsExactlyElementsOf(certificate.policies().stream().map(SamplePolicy::line).toList());
        for (SamplePolicy expected : certificate.policies()) {
            Policy policy = read.policies().stream().filter(p -> p.line().equals(expected.line())).findFirst()
                    .orElseThrow();
            assertThat(policy.insurerName()).as(expected.line()).isEqualTo(expected.insurerName());
            assertThat(policy.naic()).as(expected.line()).isEqualTo(expected.naic());
            assertThat(policy.policyNumber()).as(expected.line()).isEqualTo(expected.policyNumber());
            assertThat(policy.effectiveDate()).as(expected.line()).isEqualTo(expected.effectiveDate());
            assertThat(policy.expirationDate()).as(expected.line()).isEqualTo(expected.expirationDate());
            assertThat(policy.limits()).as(expected.line()).isEqualTo(expected.limits());
            assertThat(policy.additionalInsured()).as(expected.line()).isEqualTo(expected.additionalInsured());
            assertThat(policy.waiverOfSubrogation()).as(expected.line()).isEqualTo(expected.waiverOfSubrogation());
            if ("WC".equals(expected.line())) {
                assertThat(policy.statutory()).isEqualTo(expected.statutory());
            }
        }
        assertThat(read.fields().get("CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A").value()
                .replaceAll("\\s+", " ")).isEqualTo(certificate.operations());
    }

    private static SampleCertificate certificate(InsuranceDemoData.Company sub, InsuranceDemoData.Site site,
                                                 String work, List<SamplePolicy> policies) {
        List<String> insureds = Stream.concat(Stream.of(InsuranceDemoData.DEMO_BUILDERS.name(), site.ownerEntity()),
                site.additionalInsureds().stream()).distinct().toList();
        return new SampleCertificate(TODAY, DemoCertificates.PRODUCER, DemoCertificates.BROKER_NAME,
                DemoCertificates.BROKER_PHONE, DemoCertificates.BROKER_EMAIL, sub.party(), policies,
                DemoCertificates.operations(site.name(), site.address(), site.block(), site.lot(), work, insureds,
                        policies, List.of("CG 20 10", "CG 20 37")), InsuranceDemoData.DEMO_BUILDERS.party(),
                DemoCertificates.BROKER_NAME);
    }
}
