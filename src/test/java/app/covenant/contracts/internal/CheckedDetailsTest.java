package app.covenant.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.contracts.ContractDetails;
import app.covenant.shared.problem.ProblemException;
import java.time.LocalDate;
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
}
