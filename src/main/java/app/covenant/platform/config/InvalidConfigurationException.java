package app.covenant.platform.config;

import java.util.List;

/**
 * Startup refused because environment variables are missing or unsafe. Each problem names the
 * variable, so an operator knows what to set without reading code.
 */
public class InvalidConfigurationException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("Invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigurationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
