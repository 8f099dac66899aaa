package app.covenant.platform.idempotency;

import app.covenant.platform.http.ProblemResponseWriter;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotency filter (placed into the security chain by the identity module, after authentication,
 * because keys belong to a user) and the hourly purge of expired keys.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    Idempotency idempotency(IdempotencyStore store, ProblemResponseWriter problems) {
        return new Idempotency(new IdempotencyFilter(store, problems));
    }

    @Bean("idempotency-key-purge")
    RecurringTask<Void> idempotencyKeyPurgeTask(IdempotencyStore store) {
        return Tasks.recurring("idempotency-key-purge", Schedules.cron("0 5 * * * *", ZoneOffset.UTC))
                .execute((instance, context) -> log.info("Idempotency key purge completed: deleted={}",
                        store.purgeExpired()));
    }
}
