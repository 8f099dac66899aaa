package app.covenant.platform.config;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Stops the start with every configuration problem found while the environment was prepared, right
 * after logging is configured, so the "APPLICATION FAILED TO START" report is written in the
 * production log format (JSON) like every other line.
 */
class ConfigurationFailureReporter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        DeferredConfigurationFailure.throwIfAny(event.getEnvironment());
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
