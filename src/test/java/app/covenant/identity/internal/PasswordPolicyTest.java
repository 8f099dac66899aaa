package app.covenant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "OK", textBlock = """
            short-pw1                      | at least 10 characters
            password123                    | too common
            qwertyuiop                     | too common
            1234567890                     | too common
            P@ssw0rd123                    | too common
            iloveyou12                     | too common
            ana.lopez@example.com          | your e-mail
            ANA.LOPEZ@EXAMPLE.COM          | your e-mail
            ana.lopez                      | at least 10 characters
            ana.lopez1                     | too common
            Sturdy-Test-Passphrase-42      | OK
            Covenant-Demo-2026             | OK
            k9F2mQ7xP4vL8zR1               | OK
            """)
    void appliesTheRulesOfSecurityMd(String password, String problem) {
        String found = policy.problemWith(password, "ana.lopez@example.com");
        if (problem == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).contains(problem);
        }
    }

    @ParameterizedTest
    @CsvSource({"129", "500"})
    void refusesOverlongPasswords(int length) {
        assertThat(policy.problemWith("aB3$".repeat(length / 4 + 1).substring(0, length), null))
                .contains("at most 128");
    }
}
