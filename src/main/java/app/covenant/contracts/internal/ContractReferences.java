package app.covenant.contracts.internal;

import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Contract references {@code ORGCODE-YYMM-XXXXXX} (CLM.md): the organization's code, the year and month of creation,
 * six random upper-case letters and digits. Uniqueness is the database's (uq_contracts_reference): the creator draws
 * again on a clash.
 */
public final class ContractReferences {

    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9_-]+-\\d{4}-[A-Z0-9]{6}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final RandomGenerator random;

    public ContractReferences() {
        this(new SecureRandom());
    }

    ContractReferences(RandomGenerator random) {
        this.random = random;
    }

    public String next(String organizationCode, YearMonth month) {
        StringBuilder reference = new StringBuilder(organizationCode.toUpperCase(Locale.ROOT)).append('-')
                .append(String.format(Locale.ROOT, "%02d%02d", month.getYear() % 100, month.getMonthValue()))
                .append('-');
        for (int i = 0; i < 6; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
