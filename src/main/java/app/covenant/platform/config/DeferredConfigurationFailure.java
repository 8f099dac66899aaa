package app.covenant.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Configuration problems found while the environment is prepared, held until logging is set up.
 * Thrown right away they would be reported before the production profile's JSON logging exists,
 * as the only plain-text lines of a production log; {@link ConfigurationFailureReporter} throws them
 * once logging is ready. Further checks still run meanwhile, so one report names every problem.
 */
final class DeferredConfigurationFailure {

    private static final String SOURCE = "covenantConfigurationProblems";
    private static final String PROBLEMS = "covenant.configuration-problems";

    private DeferredConfigurationFailure() {
    }

    static void defer(ConfigurableEnvironment environment, InvalidConfigurationException failure) {
        List<String> problems = new ArrayList<>(problems(environment));
        problems.addAll(failure.problems());
        environment.getPropertySources().remove(SOURCE);
        // Lowest precedence and under a name nobody binds: it carries the problems and nothing else.
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROBLEMS, List.copyOf(problems))));
    }

    static void throwIfAny(ConfigurableEnvironment environment) {
        List<String> problems = problems(environment);
        environment.getPropertySources().remove(SOURCE);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(ConfigurableEnvironment environment) {
        PropertySource<?> source = environment.getPropertySources().get(SOURCE);
        return source == null ? List.of() : (List<String>) source.getProperty(PROBLEMS);
    }
}
