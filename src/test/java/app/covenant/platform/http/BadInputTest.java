package app.covenant.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inputs that used to fail deep inside the server with {@code 500}: each is the client's mistake, answered
 * as {@code application/problem+json} with a 4xx, and changes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private TestTenants.Tenant tenant;
    private String token;

    @BeforeAll
    void signIn() {
        tenant = TestTenants.create(jdbc);
        token = SignIn.accessToken(anonymous, tenant.email("SUPER_ADMIN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/users?sort=%FF", "/api/v1/users?sort=name,%C0%AF",
            "/api/v1/organizations?sort=%FF", "/api/v1/organizations?sort=bogus",
            "/api/v1/organizations?sort=name,(", "/api/v1/users?sort=(", "/api/v1/users?sort=bogus,desc",
            "/api/v1/users?page=2147483647&size=100", "/api/v1/organizations?page=2147483647&size=100",
            "/api/v1/notifications?page=21474837&size=100"})
    void badListParametersAreA400Problem(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());

        assertProblem(response, 400);
    }

    @Test
    void anUndecodableParameterOfAPageIsA400Page() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/login?next=%FF"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Exception");
    }

    @Test
    void theLastPageThatFitsIsStillAnswered() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/users?page=21474835&size=100&sort=email,desc")).GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aTextFieldSentAsANumberIsA400AndCreatesNothing() throws Exception {
        String code = "N" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/organizations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":1}")));

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(jdbc.queryForObject("select count(*) from organizations where code = ?", Integer.class, code))
                .isZero();
    }

    @Test
    void aTruncatedMultipartBodyIsA400AndStoresNothing() throws Exception {
        int before = jdbc.queryForObject("select count(*) from documents", Integer.class);
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 cut off here";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=XyZ")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertProblem(response, 400);
        assertThat(jdbc.queryForObject("select count(*) from documents", Integer.class)).isEqualTo(before);
    }

    @Test
    void anOverLimitStreamedBodyWithAnIdempotencyKeyIs413AndKeepsNoKey() throws Exception {
        String key = "too-large-" + UUID.randomUUID();
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
        // No Content-Length (chunked), so only reading the body finds it too large.
        Iterator<byte[]> chunks = IntStream.range(0, 40).mapToObj(i -> chunk).iterator();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/organizations"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(() -> chunks))));

        assertProblem(response, 413);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key = ?",
                Integer.class, key)).isZero();
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("correlationId").asString()).isNotBlank();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
