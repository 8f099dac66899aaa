package app.covenant.insurance.certificates;

import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code insurance-acord25-ocr}: one instance per scanned ACORD 25 (its document id), run once on one node of the
 * cluster; a failed attempt is tried again twice (after 20 s, then 40 s). The readings are looked up lazily: they
 * schedule this task, and the task runs them.
 */
@Configuration(proxyBeanMethods = false)
class CoiOcrTask {

    static final String TASK_NAME = "insurance-acord25-ocr";

    @Bean(TASK_NAME)
    OneTimeTask<String> insuranceAcord25OcrTask(BackgroundJobs jobs, ObjectProvider<CoiReadings> readings) {
        Job job = new Job(TASK_NAME, "Reading scanned certificates",
                "Reads an uploaded ACORD 25 that is a scan by OCR and fills in what was read.");
        return jobs.oneTime(job, String.class, new BackgroundJobs.Retries(3, Duration.ofSeconds(20), 2),
                documentId -> readings.getObject().readScan(UUID.fromString(documentId)));
    }
}
