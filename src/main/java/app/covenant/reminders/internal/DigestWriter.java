package app.covenant.reminders.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a run's {@link DigestLine}s, digest after digest, into e-mails and queues them {@value #BATCH} at a time
 * through {@link EmailOutbox#enqueueAll} (rendered when sent), so a run's memory holds one batch, not the run. An
 * e-mail the outbox would refuse (a malformed address) is logged without the address and skipped; the run goes on.
 */
public final class DigestWriter implements Consumer<DigestLine> {

    private static final Logger log = LoggerFactory.getLogger(DigestWriter.class);
    static final int BATCH = 500;

    private final EmailOutbox outbox;
    private final List<DigestLine> digest = new ArrayList<>();
    private final List<OutgoingEmail> batch = new ArrayList<>(BATCH);
    private int queued;

    public DigestWriter(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void accept(DigestLine line) {
        if (!digest.isEmpty() && !line.sameDigest(digest.getFirst())) {
            closeDigest();
        }
        digest.add(line);
    }

    /** Queues what is left; returns how many e-mails the run queued. */
    public int finish() {
        closeDigest();
        flush();
        return queued;
    }

    private void closeDigest() {
        if (digest.isEmpty()) {
            return;
        }
        DigestLine first = digest.getFirst();
        try {
            batch.add(new OutgoingEmail(first.recipient(), Digests.subject(digest), Digests.TEMPLATE,
                    Digests.model(digest), first.organizationId()));
        } catch (IllegalArgumentException e) {
            log.warn("Skipped the reminder digest of organization {} ({} reminders): {}", first.organizationId(),
                    first.total(), e.getMessage());
        }
        digest.clear();
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            queued += outbox.enqueueAll(List.copyOf(batch));
            batch.clear();
        }
    }
}
