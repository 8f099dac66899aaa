package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.platform.jobs.JobRuns.JobRunView;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.sql.Timestamp;
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
import tools.jackson.databind.JsonNode;

/** Every run is recorded with its outcome and counts, shown by the API and the pages, and purged after retention. */
class JobRunsTest extends JobsTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void aRunIsRecordedWithItsCountsAndShownByTheApiAndThePages() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String admin = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));
        SignIn.accessToken(http, tenant.email("USER"));
        jdbc.update("update refresh_tokens set expires_at = ? where user_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(3))), tenant.userId("USER"));

        JobRunView run = runNowAndAwait("identity-token-purge");

        assertThat(run.outcome()).isEqualTo("SUCCEEDED");
        assertThat(run.instanceId()).isEqualTo("recurring");
        assertThat(run.node()).as("host and process: two nodes on one host are told apart")
                .endsWith(":" + ProcessHandle.current().pid());
        assertThat(run.durationMs()).isNotNull().isNotNegative();
        assertThat(run.counts()).containsOnlyKeys("refreshTokens", "links", "revocations");
        assertThat(run.counts().get("refreshTokens")).isPositive();

        JsonNode jobs = SignIn.get(http, "/api/v1/admin/jobs", admin).getBody();
        JsonNode purge = jobs.valueStream().filter(job -> job.get("name").asString().equals("identity-token-purge"))
                .findFirst().orElseThrow();
        assertThat(purge.get("kind").asString()).isEqualTo("RECURRING");
        assertThat(purge.get("nextRunAt").isNull()).isFalse();
        assertThat(purge.get("lastRun").get("outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(purge.get("lastRun").get("counts").get("refreshTokens").asLong()).isPositive();
        assertThat(jobs.valueStream().map(job -> job.get("name").asString())).contains("audit-retention",
                "email-outbox-sender", "identity-token-purge", "idempotency-key-purge", "job-runs-purge",
                "modulith-event-publications");

        runNowAndAwait("identity-token-purge");
        JsonNode page = SignIn.get(http, "/api/v1/admin/jobs/identity-token-purge/runs?size=1", admin).getBody();
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode newest = page.get("content").get(0);
        JsonNode second = SignIn.get(http, "/api/v1/admin/jobs/identity-token-purge/runs?size=1&page=1", admin)
                .getBody().get("content").get(0);
        assertThat(Instant.parse(newest.get("startedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(second.get("startedAt").asString()));
        assertThat(newest.get("id").asLong()).isNotEqualTo(second.get("id").asLong());

        assertThat(SignIn.get(http, "/api/v1/admin/jobs/no-such-job/runs", admin).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/admin/jobs/identity-token-purge/runs",
                SignIn.accessToken(http, tenant.email("USER"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(SignIn.get(http, "/api/v1/admin/jobs/identity-token-purge/runs",
                SignIn.accessToken(http, tenant.email("ADMIN"))).getStatusCode())
                .as("the history spans every organization: a tenant's administrator does not see it")
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> list = page(admin, "/admin/jobs");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains("identity-token-purge", "Succeeded", "refreshTokens",
                "/admin/jobs/identity-token-purge", "Sign-in token cleanup", "Deletes expired and revoked sessions")
                .doesNotContain("aria-label=\"Run");
        ResponseEntity<String> history = page(admin, "/admin/jobs/identity-token-purge?size=1");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody()).contains("job-runs", "refreshTokens", "rel=\"next\"",
                "<title>Sign-in token cleanup — Background jobs · Covenant</title>", "class=\"back-link\"");
        assertThat(page(admin, "/admin/jobs/no-such-job").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theRetentionJobDeletesRunsOlderThanTheRetentionPeriod() {
        long old = runs.start("some-job", "recurring", "node-x", null, Instant.now().minus(Duration.ofDays(31)));
        long young = runs.start("some-job", "recurring", "node-x", null, Instant.now().minus(Duration.ofDays(29)));

        JobRunView purge = runNowAndAwait(PlatformJobs.RUN_PURGE);

        assertThat(purge.counts().get("deleted")).isGreaterThanOrEqualTo(1);
        List<Long> left = jdbc.queryForList("select id from job_runs where job_name = 'some-job'", Long.class);
        assertThat(left).containsExactly(young).doesNotContain(old);
    }

    private ResponseEntity<String> page(String token, String path) {
        HttpHeaders html = SignIn.bearer(token);
        html.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(html), String.class);
    }
}
