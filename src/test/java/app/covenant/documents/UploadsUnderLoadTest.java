package app.covenant.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Uploads whose virus scan is slow hold no database connection while they wait: more of them than the
 * pool has connections are all in the scan at once, and other signed-in requests keep answering quickly.
 */
@IntegrationTest
class UploadsUnderLoadTest {

    private static final SlowClamd CLAMD;

    static {
        try {
            CLAMD = new SlowClamd();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void slowScanner(DynamicPropertyRegistry registry) throws IOException {
        registry.add("covenant.documents.clamav.host", () -> "127.0.0.1");
        registry.add("covenant.documents.clamav.port", CLAMD::port);
        registry.add("covenant.documents.clamav.timeout", () -> "60s");
        registry.add("covenant.documents.local.directory",
                Files.createTempDirectory("covenant-uploads-under-load")::toString);
    }

    @AfterAll
    static void stopScanner() throws IOException {
        CLAMD.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Value("${spring.datasource.hikari.connection-timeout}")
    long connectionTimeoutMillis;

    @Test
    void slow_scans_hold_no_connection_and_signed_in_requests_keep_answering() throws Exception {
        Tenant tenant = TestTenants.create(jdbc);
        String uploader = SignIn.accessToken(http, tenant.email("MANAGER"));
        String reader = SignIn.accessToken(http, tenant.email("USER"));
        int uploads = poolSize + 3;
        byte[] pdf = DocumentFixtures.pdf();
        CLAMD.hold();
        ExecutorService clients = Executors.newFixedThreadPool(uploads);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                String name = "scanned-" + i + ".pdf";
                answers.add(clients.submit(() -> DocumentUploads.upload(http, "/api/v1/documents", uploader, name, pdf)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> CLAMD.scanning() == uploads);

            for (String path : List.of("/api/v1/documents", "/api/v1/auth/me", "/api/v1/documents?name=scanned")) {
                long started = System.nanoTime();
                ResponseEntity<JsonNode> answer = SignIn.get(http, path, reader);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
                assertThat(millis).as("%s answered while %d uploads were being scanned", path, uploads)
                        .isLessThan(connectionTimeoutMillis / 2);
            }
        } finally {
            CLAMD.release();
        }
        for (Future<ResponseEntity<JsonNode>> answer : answers) {
            ResponseEntity<JsonNode> created = answer.get(60, TimeUnit.SECONDS);
            assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        }
        clients.shutdownNow();
        assertThat(jdbc.queryForObject("select count(*) from documents where organization_id = ?", Long.class,
                tenant.organizationId())).isEqualTo(uploads);
    }
}
