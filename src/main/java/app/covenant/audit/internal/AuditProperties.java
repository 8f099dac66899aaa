package app.covenant.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit module ({@code covenant.audit.*}).
 *
 * @param retentionDays      entries older than this are removed ({@code AUDIT_LOG_RETENTION_DAYS})
 * @param retentionCron      when the retention job runs, Spring cron with seconds, UTC
 * @param retentionBatchSize rows removed per transaction, so a large backlog never holds long locks
 * @param chainsPerOrganization how many hash chains an organization's entries may spread over when appended
 *                              at the same moment ({@code AUDIT_CHAINS_PER_ORGANIZATION}); each append holds its
 *                              chain's head until its transaction ends, so this many can commit in parallel
 */
@Validated
@ConfigurationProperties("covenant.audit")
record AuditProperties(
        @Min(1) @DefaultValue("365") int retentionDays,
        @NotBlank @DefaultValue("0 30 3 * * *") String retentionCron,
        @Min(1) @Max(10_000) @DefaultValue("1000") int retentionBatchSize,
        @Min(1) @Max(64) @DefaultValue("8") int chainsPerOrganization) {
}
