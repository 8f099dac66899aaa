package app.covenant.contracts.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FieldChangesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("identical", fields("title", "NDA", "amount", new BigDecimal("100.00")),
                        fields("title", "NDA", "amount", new BigDecimal("100.00")), List.of()),
                Arguments.of("title changed", fields("title", "NDA"), fields("title", "Mutual NDA"),
                        List.of(new FieldChange("title", "NDA", "Mutual NDA"))),
                Arguments.of("amount equal by value", fields("amount", new BigDecimal("1500.0")),
                        fields("amount", new BigDecimal("1500.00")), List.of()),
                Arguments.of("amount changed", fields("amount", new BigDecimal("1500.00")),
                        fields("amount", new BigDecimal("1750.00")),
                        List.of(new FieldChange("amount", "1500.00", "1750.00"))),
                Arguments.of("date set", fields("endDate", null), fields("endDate", LocalDate.of(2027, 12, 31)),
                        List.of(new FieldChange("endDate", null, "2027-12-31"))),
                Arguments.of("value cleared", fields("description", "Pilot"), fields("description", ""),
                        List.of(new FieldChange("description", "Pilot", null))),
                Arguments.of("blank equals missing", fields("description", "  "), fields(), List.of()),
                Arguments.of("surrounding spaces ignored", fields("counterparty", "Acme "),
                        fields("counterparty", "Acme"), List.of()),
                Arguments.of("field only after", fields("title", "NDA"), fields("title", "NDA", "currency", "EUR"),
                        List.of(new FieldChange("currency", null, "EUR"))),
                Arguments.of("variables compared one by one",
                        fields("variables", fields("PARTY", "Acme", "TERM", "12"), "title", "NDA"),
                        fields("variables", fields("PARTY", "Acme Ltd", "TERM", "12", "CITY", "Pune"), "title", "NDA"),
                        List.of(new FieldChange("variables.PARTY", "Acme", "Acme Ltd"),
                                new FieldChange("variables.CITY", null, "Pune"))),
                Arguments.of("null maps", null, fields("title", "NDA"), List.of(new FieldChange("title", null, "NDA"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheFieldsThatDiffer(String name, Map<String, Object> before, Map<String, Object> after,
            List<FieldChange> expected) {
        assertThat(FieldChanges.between(before, after)).containsExactlyElementsOf(expected);
    }

    @Test
    void orderFollowsTheCallersMapOrKeyOrderForUnorderedMaps() {
        Map<String, Object> before = fields("title", "A", "amount", "1", "currency", "USD");
        Map<String, Object> after = fields("title", "B", "amount", "2", "currency", "EUR");
        assertThat(FieldChanges.between(before, after)).extracting(FieldChange::field)
                .containsExactly("title", "amount", "currency");

        assertThat(FieldChanges.between(new HashMap<>(before), new HashMap<>(after))).extracting(FieldChange::field)
                .containsExactly("amount", "currency", "title");
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
