package app.covenant.support;

import java.util.Map;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Signs in through the real API and builds authenticated requests. */
public final class SignIn {

    private SignIn() {
    }

    /** The token pair of a successful sign-in (fails the test otherwise). */
    public static JsonNode tokens(TestRestTemplate http, String email, String password) {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/v1/auth/login",
                json(Map.of("email", email, "password", password)), JsonNode.class);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("Sign-in of " + email + " failed: " + response.getStatusCode() + " "
                    + response.getBody());
        }
        return response.getBody();
    }

    public static String accessToken(TestRestTemplate http, String email) {
        return tokens(http, email, TestTenants.PASSWORD).get("accessToken").asString();
    }

    public static HttpHeaders bearer(String accessToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(accessToken);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    public static <T> HttpEntity<T> json(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    public static ResponseEntity<JsonNode> get(TestRestTemplate http, String path, String accessToken) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(accessToken)), JsonNode.class);
    }

    public static ResponseEntity<JsonNode> post(TestRestTemplate http, String path, Object body, String accessToken) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, bearer(accessToken)), JsonNode.class);
    }
}
