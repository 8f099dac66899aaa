package app.covenant.identity.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Failed sign-ins per e-mail: {@code maxFailures} within the window lock the e-mail for the lock
 * duration. Kept in Redis under {@code lockout:{email}} (so an operator can {@code del} it), or in
 * memory on a single node without Redis.
 */
interface LoginAttempts {

    /** Time left on the lock, if the e-mail is locked. */
    Optional<Duration> lockedFor(String email);

    /** Of these e-mails, the ones locked now (normalized), read in one round trip for a whole page. */
    Set<String> locked(Collection<String> emails);

    /** Counts a failure; answers the lock's duration when this failure locks the e-mail. */
    Optional<Duration> recordFailure(String email);

    void clear(String email);

    static String key(String email) {
        return "lockout:" + User.normalize(email);
    }
}
