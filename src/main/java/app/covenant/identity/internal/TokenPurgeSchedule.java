package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code identity-token-purge}, daily ({@code TOKEN_PURGE_CRON}), once across the cluster. */
@Configuration(proxyBeanMethods = false)
class TokenPurgeSchedule {

    static final String TASK_NAME = "identity-token-purge";

    @Bean(TASK_NAME)
    RecurringTask<Void> identityTokenPurgeTask(IdentityProperties properties, BackgroundJobs jobs,
                                               TokenPurge purge) {
        Job job = new Job(TASK_NAME, "Sign-in token cleanup",
                "Deletes expired and revoked sessions, spent or expired e-mail links and lapsed token revocations.");
        return jobs.cron(job, properties.purgeCron(), () -> {
            TokenPurge.Result result = purge.runNow();
            JobRun.count("refreshTokens", result.refreshTokens());
            JobRun.count("links", result.links());
            JobRun.count("revocations", result.revocations());
        });
    }
}
