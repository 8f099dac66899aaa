package app.covenant.insurance.certificates;

import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.InsuranceProperties;
import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * {@code insurance-coi-expiry}: daily ({@code covenant.insurance.expiry-cron}, default 00:15 in
 * {@code JOBS_TIME_ZONE}), moves every ACTIVE certificate whose earliest policy has expired to EXPIRED — one
 * transaction per certificate, so one failure does not hold up the others (the next run tries it again).
 */
@Component
public class CoiExpiry {

    static final String TASK_NAME = "insurance-coi-expiry";
    private static final Logger log = LoggerFactory.getLogger(CoiExpiry.class);

    /** How a run went. */
    public record Result(int expired, int failed) {
    }

    private final CoiRepository cois;
    private final CoiWorkflow workflow;
    private final Clock clock;

    CoiExpiry(CoiRepository cois, CoiWorkflow workflow, Clock clock) {
        this.cois = cois;
        this.workflow = workflow;
        this.clock = clock;
    }

    public Result runNow() {
        List<UUID> due = cois.findDue(CoiStatus.ACTIVE, LocalDate.now(clock));
        int expired = 0;
        int failed = 0;
        for (UUID id : due) {
            try {
                if (workflow.expire(id)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not expire certificate {}: {}", id, e.getMessage());
            }
        }
        return new Result(expired, failed);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean(TASK_NAME)
        RecurringTask<Void> insuranceCoiExpiryTask(BackgroundJobs jobs, CoiExpiry expiry,
                InsuranceProperties properties) {
            Job job = new Job(TASK_NAME, "Certificate expiry",
                    "Marks active certificates of insurance whose earliest policy has expired as EXPIRED.");
            return jobs.cron(job, properties.expiryCron(), () -> {
                Result result = expiry.runNow();
                JobRun.count("expired", result.expired());
                JobRun.count("failed", result.failed());
            });
        }
    }
}
