package app.covenant.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.contracts.ContractDetails;
import app.covenant.shared.problem.ProblemException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedDetailsTest {

    private static ContractDetails details(LocalDate start, LocalDate end, String amount, String currency) {
        return new ContractDetails("Supply of rebar", "Acme Steel", null, "Buyer@Acme.test", start, end, amount,
                currency, null, null, null, null);
    }

    @Test
    void defaultsAndNormalises() {
        CheckedDetails checked = CheckedDetails.of(details(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                "1250.5", null));
        assertThat(checked.currency()).isEqualTo("USD");
        assertThat(checked.amount().toPlainString()).isEqualTo("1250.50");
        assertThat(checked.counterpartyEmail()).isEqualTo("buyer@acme.test");
        assertThat(CheckedDetails.fromFields(checked.fields())).isEqualTo(checked);
    }

    @Test
    void endMustBeAfterStartAmountNotNegativeCurrencyKnown() {
        assertThatThrownBy(() -> CheckedDetails.of(details(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1), "-1",
                "XYZ"))).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(ProblemException.FieldError::field)
                            .containsExactlyInAnyOrder("endDate", "amount", "currency");
                });
    }

    /** A short string for a huge number ("1e40000000") is refused before anything scales it (that took seconds). */
    @Test
    void anAmountWithAHugeExponentIsRefusedAtOnce() {
        for (String amount : List.of("1e40000000", "1E+999999", "1e-40000000", "123456789012345678")) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> CheckedDetails.of(details(null, null, amount, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                            .extracting(ProblemException.FieldError::field).containsExactly("amount"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(amount).isLessThan(Duration.ofMillis(500));
        }
        assertThat(CheckedDetails.of(details(null, null, "12345678901234567", null)).amount().toPlainString())
                .isEqualTo("12345678901234567.00");
    }
}
