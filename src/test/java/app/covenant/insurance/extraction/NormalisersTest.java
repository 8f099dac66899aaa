package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.extraction.Parsed.Quality;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalisersTest {

    @ParameterizedTest(name = "[{0}] → {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "$1,000,000   | 1000000 | CLEAN",
            "1,000,000    | 1000000 | CLEAN",
            "$ 1,000,000  | 1000000 | CLEAN",
            "1000000      | 1000000 | CLEAN",
            "$2,000,000.00| 2000000 | CLEAN",
            "5,000        | 5000    | CLEAN",
            "0            | 0       | CLEAN",
            "1M           | 1000000 | REPAIRED",
            "1.5M         | 1500000 | REPAIRED",
            "$2M          | 2000000 | REPAIRED",
            "500K         | 500000  | REPAIRED",
            "10k          | 10000   | REPAIRED",
            "''           | null    | BLANK",
            "'   '        | null    | BLANK",
            "Statutory    | null    | UNREADABLE",
            "1,00,0000    | null    | UNREADABLE",
            "$            | null    | UNREADABLE",
            "1.2345678M   | null    | UNREADABLE",
            "N/A          | null    | UNREADABLE"})
    void money(String text, Long dollars, Quality quality) {
        Parsed<Long> parsed = Money.parse(text);
        assertThat(parsed.value()).isEqualTo(dollars);
        assertThat(parsed.quality()).isEqualTo(quality);
    }

    @Test
    void money_absent_for_null() {
        assertThat(Money.parse(null)).isEqualTo(new Parsed<Long>(null, Quality.BLANK));
    }

    @ParameterizedTest(name = "[{0}] → {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "01/31/2027 | 2027-01-31 | CLEAN",
            "1/31/27    | 2027-01-31 | CLEAN",
            "01/31/27   | 2027-01-31 | CLEAN",
            "3/4/26     | 2026-03-04 | CLEAN",
            "12-01-2026 | 2026-12-01 | CLEAN",
            "2027-01-31 | 2027-01-31 | CLEAN",
            "1/1/00     | 2000-01-01 | CLEAN",
            "1/1/69     | 2069-01-01 | CLEAN",
            "1/1/70     | 1970-01-01 | CLEAN",
            "12/31/99   | 1999-12-31 | CLEAN",
            "''         | null       | BLANK",
            "02/30/2027 | null       | UNREADABLE",
            "13/01/2027 | null       | UNREADABLE",
            "Jan 2027   | null       | UNREADABLE",
            "2027/01/31 | null       | UNREADABLE"})
    void dates(String text, LocalDate date, Quality quality) {
        Parsed<LocalDate> parsed = CertificateDates.parse(text);
        assertThat(parsed.value()).isEqualTo(date);
        assertThat(parsed.quality()).isEqualTo(quality);
    }

    @ParameterizedTest(name = "[{0}] → {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "Y   | true  | CLEAN",
            "y   | true  | CLEAN",
            "X   | true  | CLEAN",
            "1   | true  | CLEAN",
            "Yes | true  | CLEAN",
            "N   | false | CLEAN",
            "Off | false | CLEAN",
            "''  | false | BLANK",
            "?   | null  | UNREADABLE"})
    void marks(String text, Boolean mark, Quality quality) {
        Parsed<Boolean> parsed = Marks.parse(text);
        assertThat(parsed.value()).isEqualTo(mark);
        assertThat(parsed.quality()).isEqualTo(quality);
    }

    @Test
    void the_field_table_is_the_published_form_and_names_every_field_the_extractor_reads() {
        Acord25Form form = Acord25Form.edition2016();
        assertThat(form.fields()).hasSize(129);
        assertThat(form.field("GeneralLiability_EachOccurrence_LimitAmount_A")).get()
                .satisfies(field -> {
                    assertThat(field.x()).isEqualTo(526f);
                    assertThat(field.y()).isEqualTo(480f);
                    assertThat(field.checkbox()).isFalse();
                });
        assertThat(form.field("Vehicle_AnyAutoIndicator_A")).get()
                .satisfies(field -> assertThat(field.export()).isEqualTo("1"));
        for (CoverageLines line : CoverageLines.ALL) {
            java.util.List<String> names = new java.util.ArrayList<>(line.presence());
            names.add(line.waiver());
            if (line.additionalInsured() != null) {
                names.add(line.additionalInsured());
            }
            if (line.statutory() != null) {
                names.add(line.statutory());
            }
            names.forEach(name -> assertThat(form.field(name)).as(name).isPresent());
        }
        assertThat(Acord25Form.shortName("F[0].P1[0].Producer_FullName_A[0]")).isEqualTo("Producer_FullName_A");
        assertThat(Acord25Form.shortName("Producer_FullName_A")).isEqualTo("Producer_FullName_A");
    }
}
