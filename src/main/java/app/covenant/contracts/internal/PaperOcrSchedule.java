package app.covenant.contracts.internal;

import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@value PaperOcr#TASK_NAME}, every minute by default ({@code CONTRACTS_OCR_CRON} in {@code JOBS_TIME_ZONE}), once
 * across the cluster.
 */
@Configuration(proxyBeanMethods = false)
class PaperOcrSchedule {

    @Bean(PaperOcr.TASK_NAME)
    RecurringTask<Void> contractsPaperOcrTask(PaperOcrProperties properties, BackgroundJobs jobs, PaperOcr ocr) {
        Job job = new Job(PaperOcr.TASK_NAME, "Reading scanned contract paper",
                "Reads uploaded third-party paper that is a scan by OCR, so that its words are found by search.");
        return jobs.cron(job, properties.cron(), () -> {
            PaperOcr.Result result = ocr.readPending();
            JobRun.count("read", result.read());
            JobRun.count("failed", result.failed());
        });
    }
}
