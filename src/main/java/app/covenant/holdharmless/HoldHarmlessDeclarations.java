package app.covenant.holdharmless;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.holdharmless.internal.AgreementExpiry;
import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import app.covenant.platform.modules.PermissionSet;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hold-harmless module's permissions (ADMIN and SUPER_ADMIN hold every one; which agreements a holder sees is
 * decided by {@link HoldHarmlessAgreements}) and its daily job {@code hold-harmless-expire-agreements}.
 */
@Configuration(proxyBeanMethods = false)
class HoldHarmlessDeclarations {

    static final String TASK_NAME = "hold-harmless-expire-agreements";

    @Bean
    PermissionSet holdHarmlessPermissions() {
        return PermissionSet.of(
                        // Not brokers: INSURANCE.md "Visibility" gives them no agreement at all.
                        permission(HoldHarmlessAgreements.READ, "See the hold-harmless agreements one may see")
                                .grantedTo("MANAGER", "CONTRACTOR", "SUBCONTRACTOR"),
                        permission(HoldHarmlessAgreements.SIGN, "Sign a hold-harmless agreement as its sub or GC")
                                .grantedTo("CONTRACTOR", "SUBCONTRACTOR"),
                        permission(HoldHarmlessAgreements.MANAGE, "Resend signing links, retry a failed generation, "
                                + "preview agreement templates").grantedTo("MANAGER"),
                        permission(HoldHarmlessAgreements.STATS, "See hold-harmless statistics").grantedTo("MANAGER"))
                .inArea("Insurance")
                .titled("holdharmless", "Hold-harmless agreements");
    }

    @Bean(TASK_NAME)
    RecurringTask<Void> holdHarmlessExpireAgreements(BackgroundJobs jobs, AgreementExpiry expiry,
                                                     HoldHarmlessProperties properties, Clock clock) {
        Job job = new Job(TASK_NAME, "Hold-harmless expiry",
                "Marks agreements still waiting for generation or signatures EXPIRED once past their expiration date.");
        return jobs.cron(job, properties.expiryCron(), () -> JobRun.count("expired",
                expiry.expire(LocalDate.ofInstant(clock.instant(), properties.timeZone()))));
    }
}
