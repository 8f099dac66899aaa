package app.covenant.platform.jobs;

import static app.covenant.platform.modules.PermissionSet.platformOnly;

import app.covenant.platform.modules.PermissionSet;
import app.covenant.platform.ui.StatusTones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background jobs' permission and the outcomes their pages show. */
@Configuration(proxyBeanMethods = false)
class JobDeclarations {

    @Bean
    PermissionSet jobPermissions() {
        // Jobs run for every organization at once: a tenant's administrator must not trigger or read them.
        return PermissionSet.of(platformOnly("job:manage",
                "See and run the background jobs of the whole platform (platform operators)")).titled("job", "Background jobs");
    }

    @Bean
    StatusTones jobSucceeded() {
        return StatusTones.success(JobRuns.Outcome.SUCCEEDED.name());
    }

    @Bean
    StatusTones jobFailed() {
        return StatusTones.danger(JobRuns.Outcome.FAILED.name());
    }
}
