package app.covenant.notifications.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link EmailOutbox}: renders the message (or, in bulk, prepares it) and writes it in the caller's transaction. */
@Service
class OutboxEnqueuer implements EmailOutbox {

    /** The MDC key under which platform's correlation-id filter puts the request's {@code X-Correlation-ID}. */
    static final String CORRELATION_MDC_KEY = "traceId";

    private final EmailTemplateRenderer renderer;
    private final DeferredRendering deferred;
    private final OutboxRows rows;
    private final BulkOutboxRows bulkRows;
    private final AfterCommitDelivery afterCommit;
    private final OutboxAttachments attachments;
    private final Clock clock;

    OutboxEnqueuer(EmailTemplateRenderer renderer, DeferredRendering deferred, OutboxRows rows, BulkOutboxRows bulkRows,
                   AfterCommitDelivery afterCommit, OutboxAttachments attachments, Clock clock) {
        this.attachments = attachments;
        this.renderer = renderer;
        this.deferred = deferred;
        this.rows = rows;
        this.bulkRows = bulkRows;
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
        attachments.insert(id, email.attachments());
        afterCommit.deliverAfterCommit(id);
        return id;
    }

    // No after-commit delivery: one thread sending thousands would hold a node's immediate slot for minutes;
    // the sender job sends them in claimed batches, as it does any backlog.
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(List<OutgoingEmail> emails) {
        if (emails.isEmpty()) {
            return 0;
        }
        if (emails.stream().anyMatch(email -> !email.attachments().isEmpty())) {
            throw new IllegalArgumentException("bulk messages take no attachments: enqueue such a message on its own");
        }
        List<Map<String, Object>> prepared = renderer.prepareAll(emails);
        List<BulkOutboxRows.Row> stored = new ArrayList<>(emails.size());
        for (int i = 0; i < emails.size(); i++) {
            OutgoingEmail email = emails.get(i);
            stored.add(new BulkOutboxRows.Row(UUID.randomUUID(), email.organizationId(), email.to(), email.subject(),
                    email.template(), deferred.store(prepared.get(i)), TemplateValues.holdsLiveLink(email.model())));
        }
        bulkRows.insertPending(stored, MDC.get(CORRELATION_MDC_KEY), clock.instant());
        return stored.size();
    }
}
