package app.covenant.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * A node being stopped finishes its requests and running jobs before the platform kills it: the waits of
 * {@code application.yml} (requests once, jobs twice, as db-scheduler waits) plus the pre-stop pause fit in
 * the grace periods of the Kubernetes deployment and the compose file. Plain file reading.
 */
class ShutdownBudgetTest {

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:([^}]+)}");

    @Test
    void theShutdownWaitsFitTheGracePeriodsOfTheDeployFiles() throws IOException {
        Map<String, Object> application = load(Path.of("src/main/resources/application.yml"));
        Duration requests = duration(at(application, "spring", "lifecycle", "timeout-per-shutdown-phase"));
        Duration jobs = duration(at(application, "db-scheduler", "shutdown-max-wait"));
        Duration stop = requests.plus(jobs.multipliedBy(2));

        Map<String, Object> deployment = load(Path.of("deploy/k8s/deployment.yaml"));
        Map<String, Object> pod = cast(at(deployment, "spec", "template", "spec"));
        Map<String, Object> container = cast(((List<?>) pod.get("containers")).getFirst());
        List<?> preStop = (List<?>) at(container, "lifecycle", "preStop", "exec", "command");
        Duration kubernetes = Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue());
        assertThat(stop.plusSeconds(Long.parseLong(preStop.getLast().toString())))
                .as("pre-stop pause + requests + jobs twice, within terminationGracePeriodSeconds")
                .isLessThan(kubernetes);

        Map<String, Object> compose = load(Path.of("docker-compose.production.yml"));
        Duration dockerCompose = duration(at(compose, "services", "api", "stop_grace_period").toString());
        assertThat(stop).as("requests + jobs twice, within the compose stop_grace_period").isLessThan(dockerCompose);
    }

    private static Duration duration(Object value) {
        Matcher placeholder = DEFAULT.matcher(value.toString());
        return DurationStyle.detectAndParse(placeholder.matches() ? placeholder.group(1) : value.toString());
    }

    private static Object at(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            assertThat(current).as("%s (the setting is missing)", String.join(".", keys)).isInstanceOf(Map.class);
            current = cast(current).get(key);
        }
        assertThat(current).as("%s (the setting is missing)", String.join(".", keys)).isNotNull();
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return cast(new Yaml().load(reader));
        }
    }
}
