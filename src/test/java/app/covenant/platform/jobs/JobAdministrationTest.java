package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
        String admin = SignIn.accessToken(http, TestTenants.create(jdbc).email("SUPER_ADMIN"));

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

    @Test
    void runningAJobNowWhileAnotherNodeRunsItIsAConflict() {
        String operator = SignIn.accessToken(http, TestTenants.create(jdbc).email("SUPER_ADMIN"));
        String job = "job-runs-purge";
        // Another node has picked the execution and is running it (heartbeat fresh).
        jdbc.update("update scheduled_tasks set picked = true, picked_by = 'other-host:4242', last_heartbeat = ? "
                + "where task_name = ? and task_instance = 'recurring'", java.sql.Timestamp.from(Instant.now()), job);
        try {
            ResponseEntity<JsonNode> answer = SignIn.post(http, "/api/v1/admin/jobs/" + job + "/run", null, operator);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().get("detail").asString()).contains("running right now");
        } finally {
            jdbc.update("update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null "
                    + "where task_name = ? and task_instance = 'recurring'", job);
        }
    }

    @Test
    void jobsAreForPlatformAdministratorsNotTenantAdministrators() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));

        assertThat(SignIn.get(http, "/api/v1/admin/jobs", admin).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(SignIn.post(http, "/api/v1/admin/jobs/identity-token-purge/run", null, admin).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from role_permissions rp join roles r on r.id = rp.role_id "
                + "where rp.permission_code in ('job:manage', 'metrics:read') and r.code <> 'SUPER_ADMIN'", Long.class))
                .as("no role but SUPER_ADMIN holds the platform-wide permissions").isZero();
        HttpHeaders page = SignIn.bearer(admin);
        page.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(http.exchange("/", HttpMethod.GET, new HttpEntity<>(page), String.class).getBody())
                .as("the navigation hides the jobs page").doesNotContain("href=\"/admin/jobs\"");
    }
}
