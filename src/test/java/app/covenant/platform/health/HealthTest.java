package app.covenant.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestDatabases;
import app.covenant.support.TestTenants;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Health against a database of its own, which the test makes refuse connections to prove that
 * {@code /health} and readiness turn {@code 503} while liveness stays up.
 */
@IntegrationTest
@ContextConfiguration(initializers = HealthTest.OwnDatabase.class)
class HealthTest {

    static final String URL = TestDatabases.createFresh();
    static final String DATABASE = TestDatabases.databaseName(URL);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reopenDatabase() {
        TestDatabases.execute("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS true");
    }

    @Test
    void healthyNodeAnswersOk() {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().get("status").asString()).as(path).isEqualTo("ok");
        }
        assertThat(SignIn.get(http, "/api/health", adminToken()).getStatusCode())
                .as("health lives outside the API").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void databaseOutageMakesTheNodeUnreadyButAlive() {
        TestDatabases.execute("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS false");
        TestDatabases.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");

        assertThat(http.getForEntity("/health", JsonNode.class))
                .satisfies(response -> assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
                .satisfies(response -> assertThat(response.getBody().get("status").asString()).isEqualTo("unavailable"));
        assertThat(http.getForEntity("/health/readiness", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(http.getForEntity("/health/liveness", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        reopenDatabase();
        // The pool drops the connections the outage cut; the node recovers by itself.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.getForEntity("/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        http.getForEntity("/health", String.class);

        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .as("metrics need the metrics:read permission on the main port").isEqualTo(HttpStatus.UNAUTHORIZED);
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(SignIn.bearer(
                    SignIn.accessToken(http, tenant.email("ADMIN")))), String.class).getStatusCode())
                    .as(path + ": metrics of the whole platform are not for a tenant's administrator")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<String> metrics = http.exchange("/actuator/prometheus", HttpMethod.GET,
                new HttpEntity<>(SignIn.bearer(SignIn.accessToken(http, tenant.email("SUPER_ADMIN")))), String.class);

        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        // Histogram buckets let Prometheus compute p50/p95/p99 across every node (histogram_quantile).
        assertThat(metrics.getBody())
                .contains("http_server_requests_seconds_bucket")
                .contains("hikaricp_connections_active");
    }

    private String adminToken() {
        return SignIn.accessToken(http, TestTenants.create(jdbc).email("ADMIN"));
    }

    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + URL).applyTo(context.getEnvironment());
        }
    }
}
