package app.covenant.identity.internal;

import app.covenant.shared.problem.ProblemException;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.List;
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
    /** zxcvbn score 2: more than a million guesses, out of reach of online guessing with lockout. */
    private static final int MINIMUM_SCORE = 2;

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
        if (isCommon(password, email)) {
            return "is too common or too easy to guess; choose one that is not on lists of known passwords";
        }
        return null;
    }

    private boolean isCommon(String password, String email) {
        // The user's own e-mail counts as a dictionary word: "ana.lopez1" is as weak as "password1".
        List<String> personal = email == null ? List.of() : List.of(User.normalize(email), localPart(email));
        Strength strength = zxcvbn.measure(password, personal);
        // The whole password, possibly disguised, is an entry of the common-password dictionary — or it is
        // built so plainly from one ("P@ssw0rd123") that it falls within a million guesses.
        boolean listed = strength.getSequence().stream()
                .anyMatch(match -> isWholePassword(match, password) && "passwords".equals(match.dictionaryName));
        return listed || strength.getScore() < MINIMUM_SCORE;
    }

    private static boolean isWholePassword(Match match, String password) {
        return match.i == 0 && match.j == password.length() - 1;
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at > 0 ? User.normalize(email.substring(0, at)) : "";
    }
}
