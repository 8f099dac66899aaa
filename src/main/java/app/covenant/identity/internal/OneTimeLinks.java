package app.covenant.identity.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.platform.config.PlatformProperties;
import app.covenant.shared.problem.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single-use links (reset, verification, invitation): a 256-bit secret in the e-mailed link, only its
 * hash in the database. A newer reset or verification link retires the older ones of its kind; an
 * invitation link retires only the older links to the same membership, so one organization's
 * invitation never touches another's.
 */
@Component
class OneTimeLinks {

    private static final String INVITATION_PAGE = "/accept-invite";

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

    /** Creates a reset or verification token and queues the e-mail carrying its link, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(User user, UserToken.Purpose purpose, UUID organizationId, Duration lifetime, String page,
              String template, String subject, Map<String, Object> model) {
        if (purpose == UserToken.Purpose.INVITATION) {
            throw new IllegalArgumentException("Invitation links are bound to a membership: use sendInvitation");
        }
        Instant now = clock.instant();
        tokens.retireOpen(user.getId(), purpose, now);
        String secret = SecretTokens.newSecret();
        Instant expiresAt = now.plus(lifetime);
        tokens.save(new UserToken(user.getId(), purpose, SecretTokens.hash(secret), organizationId, now, expiresAt));
        enqueue(user.email(), user, organizationId, page, secret, lifetime, expiresAt, template, subject, model);
    }

    /**
     * A link that accepts exactly the pending {@code membership}, e-mailed to its person; answers the link
     * (the first-start invitation also logs it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String sendInvitation(User user, Membership membership, Duration lifetime, String subject,
                          Map<String, Object> model) {
        Instant now = clock.instant();
        tokens.retireOpenInvitations(membership.getId(), now);
        String secret = SecretTokens.newSecret();
        Instant expiresAt = now.plus(lifetime);
        tokens.save(UserToken.invitation(membership, SecretTokens.hash(secret), now, expiresAt));
        return enqueue(MemberViews.invitedAddress(user), user, membership.organizationId(), INVITATION_PAGE, secret,
                lifetime, expiresAt, "invitation", subject, model);
    }

    /** The usable token behind a link without spending it (a page shows what the link offers). */
    Optional<UserToken> peek(String secret, UserToken.Purpose purpose) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return tokens.peekByTokenHash(SecretTokens.hash(secret))
                .filter(token -> token.purpose() == purpose && token.usableAt(clock.instant()));
    }

    /** What became of a link, to tell its page's visitor before they fill anything in. */
    LinkStatus status(String secret, UserToken.Purpose purpose) {
        if (secret == null || secret.isBlank()) {
            return LinkStatus.UNKNOWN;
        }
        return tokens.peekByTokenHash(SecretTokens.hash(secret)).filter(token -> token.purpose() == purpose)
                .map(token -> token.status(clock.instant())).orElse(LinkStatus.UNKNOWN);
    }

    /** The token behind a link, consumed; {@code 400} when unknown, used, expired or of another kind. */
    @Transactional(propagation = Propagation.MANDATORY)
    UserToken consume(String secret, UserToken.Purpose purpose) {
        UserToken token = secret == null || secret.isBlank() ? null
                : tokens.findByTokenHash(SecretTokens.hash(secret)).orElse(null);
        if (token == null || token.purpose() != purpose || !token.usableAt(clock.instant())) {
            throw invalidLink();
        }
        token.use(clock.instant());
        return token;
    }

    static ProblemException invalidLink() {
        return ProblemException.invalid("token", "this link is not valid any more; ask for a new one");
    }

    private String enqueue(String to, User user, UUID organizationId, String page, String secret, Duration lifetime,
                           Instant expiresAt, String template, String subject, Map<String, Object> model) {
        String link = UriComponentsBuilder.fromUri(platform.frontendUrl()).path(page)
                .queryParam("token", secret).build().toUriString();
        Map<String, Object> values = new HashMap<>(model);
        values.put("link", link);
        values.put("expiresAt", expiresAt);
        values.put("validFor", LinkLifetime.describe(lifetime));
        values.putIfAbsent("name", user.name());
        outbox.enqueue(new OutgoingEmail(to, subject, template, values, organizationId));
        return link;
    }
}
