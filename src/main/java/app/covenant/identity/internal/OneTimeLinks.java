package app.covenant.identity.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.platform.config.PlatformProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single-use links (reset, verification, invitation): a 256-bit secret in the e-mailed link, only its
 * hash in the database; a newer link of the same kind retires the older ones.
 */
@Component
class OneTimeLinks {

    private final UserTokenRepository tokens;
    private final EmailOutbox outbox;
    private final PlatformProperties platform;
    private final Clock clock;

    OneTimeLinks(UserTokenRepository tokens, EmailOutbox outbox, PlatformProperties platform, Clock clock) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.platform = platform;
        this.clock = clock;
    }

    /** Creates the token and queues the e-mail carrying its link, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(User user, UserToken.Purpose purpose, UUID organizationId, Duration lifetime, String page,
              String template, String subject, Map<String, Object> model) {
        sendReturningLink(user, purpose, organizationId, lifetime, page, template, subject, model);
    }

    /** As {@link #send}, answering the link — only for the first-start invitation, which is also logged. */
    @Transactional(propagation = Propagation.MANDATORY)
    String sendReturningLink(User user, UserToken.Purpose purpose, UUID organizationId, Duration lifetime, String page,
                             String template, String subject, Map<String, Object> model) {
        Instant now = clock.instant();
        tokens.retireOpen(user.getId(), purpose, now);
        String secret = SecretTokens.newSecret();
        Instant expiresAt = now.plus(lifetime);
        tokens.save(new UserToken(user.getId(), purpose, SecretTokens.hash(secret), organizationId, now, expiresAt));
        String link = UriComponentsBuilder.fromUri(platform.frontendUrl()).path(page)
                .queryParam("token", secret).build().toUriString();
        Map<String, Object> values = new HashMap<>(model);
        values.put("link", link);
        values.put("expiresAt", expiresAt);
        values.putIfAbsent("name", user.name());
        outbox.enqueue(new OutgoingEmail(user.email(), subject, template, values, organizationId));
        return link;
    }

    /** The token behind a link, consumed; {@code 400} when unknown, used, expired or of another kind. */
    @Transactional(propagation = Propagation.MANDATORY)
    UserToken consume(String secret, UserToken.Purpose purpose) {
        UserToken token = secret == null || secret.isBlank() ? null
                : tokens.findByTokenHash(SecretTokens.hash(secret)).orElse(null);
        if (token == null || token.purpose() != purpose || !token.usableAt(clock.instant())) {
            throw app.covenant.shared.problem.ProblemException.invalid("token",
                    "this link is not valid any more; ask for a new one");
        }
        token.use(clock.instant());
        return token;
    }
}
