package app.covenant.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractReferencesTest {

    @Test
    void orgCodeYearMonthAndSixUpperCaseLettersOrDigits() {
        ContractReferences references = new ContractReferences();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String reference = references.next("demo", YearMonth.of(2026, 3));
            assertThat(reference).matches("DEMO-2603-[A-Z0-9]{6}").matches(ContractReferences.FORMAT);
            seen.add(reference);
        }
        assertThat(seen).as("random enough not to repeat in 2000 draws").hasSize(2000);
    }

    @Test
    void sameSeedSameReference() {
        assertThat(new ContractReferences(new Random(7)).next("ACME", YearMonth.of(2031, 12)))
                .isEqualTo(new ContractReferences(new Random(7)).next("ACME", YearMonth.of(2031, 12)))
                .startsWith("ACME-3112-");
    }
}
