package app.covenant.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
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

@IntegrationTest
class ApiConventionsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void unknownApiPathIsAProblemWithTheCorrelationId() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(CorrelationId.HEADER, "test-run-42");
        ResponseEntity<JsonNode> response = http.exchange("/api/v1/no-such-thing", HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo("test-run-42");
        JsonNode body = response.getBody();
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("type").asString()).isEqualTo("urn:covenant:problem:not-found");
        assertThat(body.get("title").asString()).isEqualTo("Not Found");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        assertThat(body.get("correlationId").asString()).isEqualTo("test-run-42");
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("trace");
    }
}
