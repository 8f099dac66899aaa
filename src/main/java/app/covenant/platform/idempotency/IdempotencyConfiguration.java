package app.covenant.platform.idempotency;

import app.covenant.platform.http.ProblemResponseWriter;
import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import app.covenant.platform.jobs.JobsProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotency filter (placed into the security chain by the identity module, after authentication,
 * because keys belong to a user) and the hourly purge of expired keys ({@code IDEMPOTENCY_PURGE_CRON}).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    Idempotency idempotency(IdempotencyStore store, ProblemResponseWriter problems) {
        return new Idempotency(new IdempotencyFilter(store, problems, List.of()));
    }

    @Bean("idempotency-key-purge")
    RecurringTask<Void> idempotencyKeyPurgeTask(BackgroundJobs jobs, JobsProperties properties,
                                                IdempotencyStore store) {
        Job job = new Job("idempotency-key-purge", "Idempotency key cleanup",
                "Deletes the remembered answers to retried API requests once their keys expire.");
        return jobs.cron(job, properties.idempotencyPurgeCron(),
                () -> JobRun.count("deleted", store.purgeExpired()));
    }
}
