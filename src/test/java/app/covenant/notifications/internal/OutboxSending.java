package app.covenant.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests of any package: one sender run for some addresses' due messages, put at the head of the queue first.
 * Bulk messages ({@code enqueueAll}) wait for the sender job, and the shared test database holds messages other test
 * classes left due (their contexts keep e-mail in the outbox), which a plain run would send first.
 */
public final class OutboxSending {

    private static final Timestamp HEAD_OF_QUEUE = Timestamp.from(Instant.EPOCH);

    private OutboxSending() {
    }

    public static void sendDueTo(ApplicationContext context, List<String> addresses) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (String address : addresses) {
            jdbc.sql("UPDATE email_outbox SET next_attempt_at = ? WHERE status = 'PENDING' AND to_address = ?")
                    .param(HEAD_OF_QUEUE).param(address).update();
        }
        context.getBean(OutboxSender.class).sendDue();
    }
}
