package app.covenant.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InvalidConfigurationException} into Spring Boot's plain "APPLICATION FAILED TO START" report. */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        String description = "Covenant cannot start with this configuration:\n  - "
                + String.join("\n  - ", cause.problems());
        String action = "Set the variables named above (see .env.production.template for every variable "
                + "and how to generate secrets), then start again.";
        return new FailureAnalysis(description, action, cause);
    }
}
