package app.covenant.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Acme      | %acme%",
            "100%      | %100\\%%",
            "a_b       | %a\\_b%",
            "back\\sl  | %back\\\\sl%",
            "'  '      | NULL",
            "NULL      | NULL"})
    void termsMatchLiterally(String term, String pattern) {
        assertThat(LikePatterns.containing(term)).isEqualTo(pattern);
    }
}
