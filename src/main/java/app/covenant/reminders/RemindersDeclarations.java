package app.covenant.reminders;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import app.covenant.platform.modules.PermissionSet;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reminders module's permissions (API.md roles; ADMIN and SUPER_ADMIN hold every one) and its daily job
 * {@code reminders-check-expiring-policies} on the cluster-safe job runner.
 */
@Configuration(proxyBeanMethods = false)
class RemindersDeclarations {

    static final String TASK_NAME = "reminders-check-expiring-policies";

    @Bean
    PermissionSet reminderPermissions() {
        return PermissionSet.of(
                        permission(Reminders.READ, "See the organization's pending renewal reminders").grantedTo("MANAGER"),
                        permission("reminders:history", "See the renewal reminders of certificates one may see")
                                .grantedTo("MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER"),
                        permission("reminders:acknowledge", "Acknowledge renewal reminders (a broker: the ones naming them)")
                                .grantedTo("MANAGER", "BROKER"),
                        permission("reminders:run", "Run the renewal reminder check now"),
                        permission("reminders:stats", "See renewal reminder statistics"),
                        permission("reminders:settings", "Change the organization's renewal reminder settings"))
                .inArea("Insurance")
                .titled("reminders", "Renewal reminders");
    }

    @Bean(TASK_NAME)
    RecurringTask<Void> remindersCheckExpiringPolicies(BackgroundJobs jobs, ReminderRunner runner,
                                                       RemindersProperties properties) {
        Job job = new Job(TASK_NAME, "Renewal reminders",
                "E-mails brokers, admins and subs a digest of policies expiring in 30, 14, 7 or 2 days or overdue.");
        return jobs.cron(job, properties.cron(), () -> {
            ReminderRunResult result = runner.run();
            JobRun.count("reminders", result.remindersSent());
            JobRun.count("emails", result.emailsQueued());
        });
    }
}
