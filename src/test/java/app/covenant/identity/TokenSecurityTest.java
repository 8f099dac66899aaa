package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens of SECURITY.md: HS256 only, signed with JWT_SECRET, unexpired, unrevoked. */
@IntegrationTest
class TokenSecurityTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${covenant.identity.jwt-secret}")
    String secret;

    TestTenants.Tenant tenant;
    JsonNode claims;

    @BeforeEach
    void signIn() {
        tenant = TestTenants.create(jdbc);
        String token = SignIn.accessToken(http, tenant.email("ADMIN"));
        claims = JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void theIssuedTokenCarriesTheDocumentedClaims() {
        assertThat(claims.get("sub").asString()).isEqualTo(tenant.userId("ADMIN").toString());
        assertThat(claims.get("org").asString()).isEqualTo(tenant.organizationId().toString());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(claims.get("iss").asString()).isEqualTo("covenant");
        assertThat(claims.get("jti").asString()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(15 * 60);
        assertThat(claims.has("permissions")).as("permissions are read fresh, never baked in").isFalse();
    }

    @Test
    void aWellSignedTokenIsAccepted() {
        assertThat(me(forge("HS256", secret, claims())).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String unsigned = header + "." + encode(JsonMapper.builder().build().writeValueAsString(claims())) + ".";
        assertRefused(unsigned);
    }

    @Test
    void anotherAlgorithmIsRefusedEvenWithTheRightKey() {
        assertRefused(forge("HS512", secret, claims()));
    }

    @Test
    void aForeignSignatureIsRefused() {
        assertRefused(forge("HS256", "another-secret-that-is-long-enough-0123456789", claims()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, Object> expired = claims();
        expired.put("iat", Instant.now().minusSeconds(3600).getEpochSecond());
        expired.put("exp", Instant.now().minusSeconds(60).getEpochSecond());
        assertRefused(forge("HS256", secret, expired));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "jti", "org", "sid"})
    void aTokenWithoutARequiredClaimIsRefused(String claim) {
        Map<String, Object> incomplete = claims();
        incomplete.remove(claim);
        assertRefused(forge("HS256", secret, incomplete));
    }

    @Test
    void aTokenForAnOrganizationWithoutMembershipIsRefused() {
        Map<String, Object> elsewhere = claims();
        elsewhere.put("org", UUID.randomUUID().toString());
        assertRefused(forge("HS256", secret, elsewhere));
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnce() {
        String token = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/auth/me", token).getStatusCode()).isEqualTo(HttpStatus.OK);

        jdbc.update("update users set status = 'DEACTIVATED' where id = ?", tenant.userId("USER"));

        assertThat(SignIn.get(http, "/api/v1/auth/me", token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertRefused(String token) {
        var response = me(token);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private org.springframework.http.ResponseEntity<JsonNode> me(String token) {
        return SignIn.get(http, "/api/v1/auth/me", token);
    }

    private Map<String, Object> claims() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        claims.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().isNumber()
                ? entry.getValue().asLong() : entry.getValue().isArray() ? java.util.List.of(entry.getValue().get(0).asString())
                : entry.getValue().asString()));
        values.put("jti", UUID.randomUUID().toString());
        return values;
    }

    private static String forge(String algorithm, String key, Map<String, Object> claims) {
        String header = encode("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}");
        String payload = encode(JsonMapper.builder().build().writeValueAsString(claims));
        try {
            String javaName = "Hmac" + algorithm.replace("HS", "SHA");
            Mac mac = Mac.getInstance(javaName);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), javaName));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
