package app.covenant.notifications.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link EmailOutbox}: renders the message and writes it in the caller's transaction. */
@Service
class OutboxEnqueuer implements EmailOutbox {

    /** The MDC key under which platform's correlation-id filter puts the request's {@code X-Correlation-ID}. */
    static final String CORRELATION_MDC_KEY = "traceId";

    private final EmailTemplateRenderer renderer;
    private final OutboxRows rows;
    private final AfterCommitDelivery afterCommit;
    private final Clock clock;

    OutboxEnqueuer(EmailTemplateRenderer renderer, OutboxRows rows,
                   AfterCommitDelivery afterCommit, Clock clock) {
        this.renderer = renderer;
        this.rows = rows;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    // MANDATORY, not REQUIRED: a message enqueued in a transaction of its own would be sent even if the
    // business change that caused it rolled back. Calling without a transaction is a bug; fail loudly.
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutgoingEmail email) {
        RenderedEmail rendered = renderer.render(email);
        UUID id = UUID.randomUUID();
        rows.insertPending(id, email.organizationId(), email.to(), email.template(), rendered,
                TemplateValues.holdsLiveLink(email.model()), MDC.get(CORRELATION_MDC_KEY), clock.instant());
        afterCommit.deliverAfterCommit(id);
        return id;
    }
}
