package app.covenant.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.ProbeController;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/** The HTTP conventions of API.md and SECURITY.md, checked over a real socket. */
@IntegrationTest
@Import(ProbeController.class)
@TestPropertySource(properties = {
        "covenant.platform.cors-origins=https://app.example.com",
        "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=70KB"})
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiConventionsTest {

    private static final String ECHO = "/api/v1/test-probe/echo";

    @Autowired
    TestRestTemplate anonymous;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    /** Signed in as an administrator: every request below carries the bearer token. */
    TestRestTemplate http;
    String token;

    @BeforeAll
    void signIn() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        token = SignIn.accessToken(anonymous, tenant.email("ADMIN"));
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .additionalInterceptors((request, body, execution) -> {
                    if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                        request.getHeaders().setBearerAuth(token);
                    }
                    return execution.execute(request, body);
                }));
    }

    @Test
    void anonymousCallsToTheApiAreA401Problem() {
        ResponseEntity<JsonNode> response = anonymous.getForEntity("/api/v1/no-such-thing", JsonNode.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void unknownApiPathIsAProblemWithTheCorrelationId() {
        ResponseEntity<JsonNode> response = http.exchange("/api/v1/no-such-thing", HttpMethod.GET,
                new HttpEntity<>(headers("test-run-42")), JsonNode.class);

        assertProblem(response, HttpStatus.NOT_FOUND, "not-found");
        assertThat(response.getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo("test-run-42");
        JsonNode body = response.getBody();
        assertThat(body.get("title").asString()).isEqualTo("Not Found");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        assertThat(body.get("correlationId").asString()).isEqualTo("test-run-42");
    }

    @Test
    void unversionedApiPathsAnswerLikeTheVersionedOnes() {
        ResponseEntity<JsonNode> versioned = http.getForEntity("/api/v1/system/status", JsonNode.class);
        ResponseEntity<JsonNode> unversioned = http.getForEntity("/api/system/status", JsonNode.class);

        assertThat(versioned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unversioned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unversioned.getBody().get("mode").asString())
                .isEqualTo(versioned.getBody().get("mode").asString()).isEqualTo("server");
        assertProblem(http.getForEntity("/api/no-such-thing", JsonNode.class), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void aMissingOrMalformedCorrelationIdIsReplacedByAGeneratedOne() {
        ResponseEntity<String> none = http.getForEntity("/health", String.class);
        ResponseEntity<String> forged = http.exchange("/health", HttpMethod.GET,
                new HttpEntity<>(headers("evil id; injected=1")), String.class);

        assertThat(none.getHeaders().getFirst(CorrelationId.HEADER)).matches("[0-9a-f-]{36}");
        assertThat(forged.getHeaders().getFirst(CorrelationId.HEADER)).matches("[0-9a-f-]{36}");
    }

    @Test
    void theCorrelationIdIsOnTheLogLinesOfItsRequest(CapturedOutput output) {
        http.exchange("/api/v1/test-probe/log?message=conventions-log-check", HttpMethod.GET,
                new HttpEntity<>(headers("trace-me-7")), Void.class);

        assertThat(output.getAll().lines().filter(line -> line.contains("conventions-log-check")))
                .singleElement().asString().contains("trace-me-7");
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        for (String path : List.of("/health", "/api/v1/no-such-thing", "/api/docs.json")) {
            HttpHeaders headers = http.getForEntity(path, String.class).getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'").contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(headers.getFirst("Permissions-Policy")).as(path).contains("camera=()");
            // HSTS belongs to production only (see ProductionModeTest).
            assertThat(headers.getFirst("Strict-Transport-Security")).as(path).isNull();
        }
    }

    @Test
    void malformedJsonIsA400Problem() {
        ResponseEntity<JsonNode> response = postJson("{\"name\": \"x\",", MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, "bad-request");
        assertThat(response.getBody().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void invalidFieldsAreListedInErrors() {
        ResponseEntity<JsonNode> response =
                postJson("{\"name\":\" \",\"amount\":-5,\"email\":\"not-an-email\"}", MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, "bad-request");
        assertThat(response.getBody().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("name", "amount", "email");
        assertThat(response.getBody().get("errors").valueStream().map(error -> error.get("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void unknownJsonFieldsAreRejected() {
        ResponseEntity<JsonNode> response =
                postJson("{\"name\":\"a\",\"amount\":1,\"isAdmin\":true}", MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, "bad-request");
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("isAdmin");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        ResponseEntity<JsonNode> response = postJson("{\"name\":\"a\",\"amount\":\"lots\"}", MediaType.APPLICATION_JSON);

        assertProblem(response, HttpStatus.BAD_REQUEST, "bad-request");
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("amount");
    }

    @Test
    void aValidBodyPasses() {
        ResponseEntity<JsonNode> response =
                postJson("{\"name\":\"Acme\",\"amount\":10,\"email\":\"a@b.example\"}", MediaType.APPLICATION_JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("name").asString()).isEqualTo("Acme");
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        assertProblem(postJson("name=x", MediaType.APPLICATION_FORM_URLENCODED),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    @Test
    void aWrongMethodIs405() {
        ResponseEntity<JsonNode> response = http.exchange("/api/v1/system/status", HttpMethod.DELETE,
                HttpEntity.EMPTY, JsonNode.class);

        assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @Test
    void anAnnouncedBodyAboveTheLimitIs413() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"amount\":1}";

        assertProblem(postJson(huge, MediaType.APPLICATION_JSON), HttpStatus.CONTENT_TOO_LARGE, "content-too-large");
    }

    @Test
    void aStreamedBodyAboveTheLimitIs413() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(1_100_000) + "\",\"amount\":1}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ECHO))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                // No Content-Length: the body arrives in chunks and is counted while read.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anUploadAboveTheLimitIs413() {
        byte[] file = new byte[100 * 1024];
        Arrays.fill(file, (byte) 'a');
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "big.pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> response = http.postForEntity("/api/v1/test-probe/upload",
                new HttpEntity<>(form, headers), JsonNode.class);

        assertProblem(response, HttpStatus.CONTENT_TOO_LARGE, "content-too-large");
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/v1/test-probe/boom", JsonNode.class);

        assertProblem(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-server-error");
        assertThat(response.getBody().toString())
                .doesNotContain("internal detail").doesNotContain("IllegalStateException").doesNotContain("at app.");
        assertThat(response.getBody().get("correlationId").asString()).isNotBlank();
    }

    @Test
    void listsArePagedInTheDocumentedShape() {
        JsonNode page = http.getForObject("/api/v1/test-probe/items?page=2&size=10&sort=name,asc", JsonNode.class);

        assertThat(page.get("content").size()).isEqualTo(10);
        assertThat(page.get("content").get(0).asString()).isEqualTo("item-21");
        assertThat(page.get("page").get("number").asInt()).isEqualTo(2);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(10);
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(250);
        assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?size=1000"})
    void pageSizeDefaultsTo20AndNeverExceeds100(String query) {
        JsonNode page = http.getForObject("/api/v1/test-probe/items" + query, JsonNode.class);

        int expected = query.isEmpty() ? 20 : 100;
        assertThat(page.get("page").get("size").asInt()).isEqualTo(expected);
        assertThat(page.get("content").size()).isEqualTo(expected);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        ResponseEntity<String> allowed = preflight("https://app.example.com");
        ResponseEntity<String> refused = preflight("https://evil.example.net");

        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allowed.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://app.example.com");
        assertThat(allowed.getHeaders().getAccessControlAllowCredentials()).isTrue();
        assertThat(allowed.getHeaders().getAccessControlAllowHeaders())
                .contains("Authorization", "X-Correlation-ID", "Idempotency-Key");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private ResponseEntity<String> preflight(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(origin);
        headers.setAccessControlRequestMethod(HttpMethod.POST);
        headers.setAccessControlRequestHeaders(List.of("Authorization", "X-Correlation-ID", "Idempotency-Key"));
        return http.exchange(ECHO, HttpMethod.OPTIONS, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<JsonNode> postJson(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity(ECHO, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpHeaders headers(String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(CorrelationId.HEADER, correlationId);
        return headers;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        JsonNode body = response.getBody();
        assertThat(body.get("type").asString()).isEqualTo("urn:covenant:problem:" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status.value());
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).startsWith("/");
        assertThat(body.get("correlationId").asString()).isEqualTo(response.getHeaders().getFirst(CorrelationId.HEADER));
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("\"trace\"");
    }
}
