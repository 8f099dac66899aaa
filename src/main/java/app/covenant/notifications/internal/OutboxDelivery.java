package app.covenant.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed message and records the outcome: {@code SENT}, or a failed attempt with its error
 * and the time of the next one, or {@code FAILED} when retrying is over. Never throws for a provider
 * error: the outage is recorded on the message and the caller carries on.
 */
@Component
class OutboxDelivery {

    enum Outcome { SENT, RETRY_LATER, GAVE_UP, NOT_CLAIMED }

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    static final String REDACTED = "The body of this message held a one-time link and was removed after delivery.";

    private final OutboxRows rows;
    private final Optional<EmailSender> sender;
    private final RetrySchedule retries;
    private final NotificationsProperties.Delivery settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DeferredRendering deferred;
    private final OutboxAttachments attachments;

    OutboxDelivery(OutboxRows rows, ObjectProvider<EmailSender> sender, NotificationsProperties properties,
                   Clock clock, ApplicationEventPublisher events, DeferredRendering deferred,
                   OutboxAttachments attachments) {
        this.rows = rows;
        this.attachments = attachments;
        this.deferred = deferred;
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.settings = properties.delivery();
        this.retries = RetrySchedule.of(settings);
        this.clock = clock;
        this.events = events;
    }

    /** False with the {@code outbox} provider: messages are kept, not sent. */
    boolean isEnabled() {
        return sender.isPresent();
    }

    /** Claims the message if no one else has and it is due, then sends it. */
    Outcome deliverIfDue(UUID id) {
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        if (rows.claimIfDue(id, token, now, now.plus(settings.claimLease())) == 0) {
            return Outcome.NOT_CLAIMED;
        }
        return rows.find(id).map(message -> deliver(message, token)).orElse(Outcome.NOT_CLAIMED);
    }

    /** Sends a message this node has claimed with {@code token}. */
    Outcome deliver(OutboxMessage claimed, UUID token) {
        EmailSender provider = sender.orElseThrow(() -> new IllegalStateException("No e-mail provider configured"));
        String previousCorrelation = MDC.get(OutboxEnqueuer.CORRELATION_MDC_KEY);
        if (claimed.correlationId() != null) {
            // The delivery's log lines carry the id of the request that caused the message.
            MDC.put(OutboxEnqueuer.CORRELATION_MDC_KEY, claimed.correlationId());
        }
        try {
            OutboxMessage message = claimed;
            if (!message.rendered()) {
                Optional<OutboxMessage> rendered = render(message, token);
                if (rendered.isEmpty()) {
                    return Outcome.GAVE_UP;
                }
                message = rendered.get();
            }
            try {
                provider.send(message.envelope(attachments.of(message.id())));
            } catch (RuntimeException e) {
                return recordFailure(message, token, e);
            }
            // A one-time link leaves the outbox in the same statement that records the delivery: no reader ever
            // finds the message SENT with its link still in the body.
            int marked = message.holdsLiveLink()
                    ? rows.markSentRedacted(message.id(), token, clock.instant(), REDACTED, "<p>" + REDACTED + "</p>")
                    : rows.markSent(message.id(), token, clock.instant());
            if (marked == 0) {
                log.warn("E-mail {} was sent after its claim had expired; another node may send it again", message.id());
            } else {
                log.debug("E-mail {} sent", message.id());
            }
            return Outcome.SENT;
        } finally {
            restore(previousCorrelation);
        }
    }

    /**
     * Renders a bulk message and stores its bodies (the admin pages and the redaction read them there). A message
     * that cannot be rendered never will be: it is given up at once, like a permanent provider refusal.
     */
    private Optional<OutboxMessage> render(OutboxMessage message, UUID token) {
        RenderedEmail bodies;
        try {
            bodies = deferred.render(message.template(), message.subject(), message.modelJson());
        } catch (DeferredRendering.Unrenderable e) {
            String error = bounded("Could not render the message: " + e.getMessage());
            rows.markFailedAttempt(message.id(), token, OutboxStatus.FAILED, error, clock.instant());
            log.error("E-mail {} given up: {}", message.id(), error);
            events.publishEvent(new OutboxMessageGivenUp(message.id()));
            return Optional.empty();
        }
        rows.writeBodies(message.id(), token, bodies);
        return Optional.of(message.withBodies(bodies));
    }

    private Outcome recordFailure(OutboxMessage message, UUID token, RuntimeException e) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        boolean permanent = e instanceof EmailDeliveryException delivery && delivery.isPermanent();
        Optional<Instant> next = permanent ? Optional.empty() : retries.nextAttempt(attempts, now);
        String error = describe(e);
        rows.markFailedAttempt(message.id(), token, next.isPresent() ? OutboxStatus.PENDING : OutboxStatus.FAILED,
                error, next.orElse(now));
        if (next.isPresent()) {
            log.warn("E-mail {} not delivered (attempt {}), next attempt at {}: {}", message.id(), attempts, next.get(), error);
            return Outcome.RETRY_LATER;
        }
        log.error("E-mail {} given up after {} attempt(s): {}", message.id(), attempts, error);
        events.publishEvent(new OutboxMessageGivenUp(message.id()));
        return Outcome.GAVE_UP;
    }

    /** One line, bounded, without secrets: the provider's reason, never the message or credentials. */
    static String describe(RuntimeException e) {
        String text;
        if (e instanceof EmailDeliveryException) {
            text = e.getMessage();
        } else {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return bounded(text == null ? e.getClass().getSimpleName() : text);
    }

    private static String bounded(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_ERROR_LENGTH ? oneLine.substring(0, MAX_ERROR_LENGTH) : oneLine;
    }

    private static void restore(String previousCorrelation) {
        if (previousCorrelation == null) {
            MDC.remove(OutboxEnqueuer.CORRELATION_MDC_KEY);
        } else {
            MDC.put(OutboxEnqueuer.CORRELATION_MDC_KEY, previousCorrelation);
        }
    }
}
