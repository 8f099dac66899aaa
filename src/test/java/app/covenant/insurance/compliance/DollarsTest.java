package app.covenant.insurance.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DollarsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0          | $0
            999        | $999
            1000       | $1,000
            1000000    | $1,000,000
            25000000   | $25,000,000
            -500       | -$500
            """)
    void formatsWholeDollarsTheUsWay(long amount, String expected) {
        assertThat(Dollars.format(amount)).isEqualTo(expected);
    }
}
