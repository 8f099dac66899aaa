package app.covenant.insurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsuranceStatusTest {

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # certificates per project (projects split by '/')                    | status
            ''                                                                    | PENDING
            ACTIVE                                                                | COMPLIANT
            ACTIVE / ACTIVE                                                       | COMPLIANT
            ACTIVE / AWAITING_BROKER_INFO                                         | PENDING
            AWAITING_BROKER_UPLOAD                                                | PENDING
            AWAITING_BROKER_SIGNATURE / AWAITING_ADMIN_REVIEW                     | PENDING
            -                                                                     | PENDING
            ACTIVE / -                                                            | PENDING
            DEFICIENCY_PENDING                                                    | NON_COMPLIANT
            ACTIVE / DEFICIENCY_PENDING                                           | NON_COMPLIANT
            EXPIRED / DEFICIENCY_PENDING                                          | NON_COMPLIANT
            EXPIRED                                                               | EXPIRED
            ACTIVE / EXPIRED                                                      | EXPIRED
            EXPIRED AWAITING_BROKER_UPLOAD                                        | EXPIRED
            EXPIRED ACTIVE                                                        | COMPLIANT
            ACTIVE DEFICIENCY_PENDING                                             | COMPLIANT
            EXPIRED AWAITING_ADMIN_REVIEW / AWAITING_BROKER_INFO                  | EXPIRED
            """)
    void theContractorsStatusFollowsItsCertificates(String projects, InsuranceStatus expected) {
        List<List<CoiStatus>> perProject = projects.isBlank() ? List.of() : Arrays.stream(projects.split("/"))
                .map(String::strip)
                .map(p -> p.equals("-") ? List.<CoiStatus>of()
                        : Arrays.stream(p.split("\\s+")).map(CoiStatus::valueOf).toList())
                .toList();
        assertThat(InsuranceStatus.of(perProject)).isEqualTo(expected);
    }
}
