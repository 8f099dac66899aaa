package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The jobs API lists every recurring job from db-scheduler's table and really runs one on demand. */
@IntegrationTest
class JobAdministrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsTheJobsAndRunsOneNow() {
        String admin = SignIn.accessToken(http, TestTenants.create(jdbc).email("ADMIN"));

        JsonNode jobs = SignIn.get(http, "/api/v1/admin/jobs", admin).getBody();
        assertThat(jobs.valueStream().map(job -> job.get("name").asString()))
                .contains("audit-retention", "email-outbox-sender", "identity-token-purge", "idempotency-key-purge");

        // An expired refresh token the purge will remove once the job has really run.
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        SignIn.accessToken(http, tenant.email("USER"));
        jdbc.update("update refresh_tokens set expires_at = ? where user_id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(3))), tenant.userId("USER"));

        assertThat(SignIn.post(http, "/api/v1/admin/jobs/identity-token-purge/run", null, admin).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from refresh_tokens where user_id = ?", Integer.class, tenant.userId("USER")))
                .isZero());
        assertThat(SignIn.post(http, "/api/v1/admin/jobs/no-such-job/run", null, admin).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/admin/jobs", SignIn.accessToken(http, tenant.email("USER")))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
