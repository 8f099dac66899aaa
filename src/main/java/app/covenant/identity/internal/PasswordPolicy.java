package app.covenant.identity.internal;

import app.covenant.shared.problem.ProblemException;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * SECURITY.md's password rules: 10 to 128 characters, not the e-mail, not a common password. The
 * common-password list is zxcvbn's (about 30,000 passwords, with l33t and reversed variants), so we
 * keep no hand-made list.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** @throws ProblemException {@code 400} naming {@code field} with the first rule broken */
    void check(String password, String email, String field) {
        String problem = problemWith(password, email);
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
    }

    String problemWith(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && (lower.equals(User.normalize(email)) || lower.equals(localPart(email)))) {
            return "must not be your e-mail address";
        }
        if (isCommon(password)) {
            return "is too common; choose one that is not on lists of known passwords";
        }
        return null;
    }

    private boolean isCommon(String password) {
        // The whole password, possibly disguised, is one entry of the common-password dictionary.
        return zxcvbn.measure(password).getSequence().stream()
                .anyMatch(match -> isWholePassword(match, password) && "passwords".equals(match.dictionaryName));
    }

    private static boolean isWholePassword(Match match, String password) {
        return match.i == 0 && match.j == password.length() - 1;
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at > 0 ? User.normalize(email.substring(0, at)) : "";
    }
}
