package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Refresh rotation, theft detection, sign-out, organization switch and "my sessions". */
@IntegrationTest
class SessionLifecycleTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    TestTenants.Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
    }

    @Test
    void refreshRotatesTheTokenAndTheOldOneIsSpent() {
        JsonNode first = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);

        ResponseEntity<JsonNode> second = refresh(first.get("refreshToken").asString());

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
        assertThat(SignIn.get(http, "/api/v1/auth/me", second.getBody().get("accessToken").asString()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where user_id = ? and status = 'ACTIVE'",
                Integer.class, tenant.userId("USER"))).isEqualTo(1);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeSession() {
        JsonNode first = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        JsonNode second = refresh(first.get("refreshToken").asString()).getBody();
        rotatedSecondsAgo(first, 31); // past the reuse leeway (JWT_REFRESH_REUSE_LEEWAY, 30 s)

        ResponseEntity<JsonNode> replay = refresh(first.get("refreshToken").asString());

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(second.get("refreshToken").asString()).getStatusCode())
                .as("the thief's and the owner's tokens die together").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SignIn.get(http, "/api/v1/auth/me", second.get("accessToken").asString()).getStatusCode())
                .as("access tokens of the session stop at once").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.refresh-token.reused' "
                + "and actor_id = ?", Integer.class, tenant.userId("USER"))).isEqualTo(1);
    }

    @Test
    void twoTabsRefreshingTheSameTokenAtOnceBothStaySignedIn() throws Exception {
        JsonNode first = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        String token = first.get("refreshToken").asString();

        // Fails while the second refresh of a just-rotated token counts as theft and ends the session.
        CompletableFuture<ResponseEntity<JsonNode>> tabOne = CompletableFuture.supplyAsync(() -> refresh(token));
        CompletableFuture<ResponseEntity<JsonNode>> tabTwo = CompletableFuture.supplyAsync(() -> refresh(token));

        for (ResponseEntity<JsonNode> tab : List.of(tabOne.get(30, TimeUnit.SECONDS), tabTwo.get(30, TimeUnit.SECONDS))) {
            assertThat(tab.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(claim(tab.getBody().get("accessToken").asString(), "sid"))
                    .isEqualTo(claim(first.get("accessToken").asString(), "sid"));
            assertThat(SignIn.get(http, "/api/v1/auth/me", tab.getBody().get("accessToken").asString())
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(refresh(tab.getBody().get("refreshToken").asString()).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.refresh-token.reused' "
                + "and actor_id = ?", Integer.class, tenant.userId("USER"))).isZero();
        String access = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/auth/sessions", access).getBody()).as("one session per family").hasSize(2);
    }

    @Test
    void reuseWithinTheLeewayByAnotherClientStillEndsTheSession() {
        JsonNode first = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        JsonNode second = refresh(first.get("refreshToken").asString()).getBody();

        HttpHeaders elsewhere = new HttpHeaders();
        elsewhere.setContentType(MediaType.APPLICATION_JSON);
        elsewhere.set(HttpHeaders.USER_AGENT, "Thief/1.0");
        ResponseEntity<JsonNode> replay = http.exchange("/api/v1/auth/refresh", HttpMethod.POST,
                new HttpEntity<>(Map.of("refreshToken", first.get("refreshToken").asString()), elsewhere), JsonNode.class);

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(second.get("refreshToken").asString()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.refresh-token.reused' "
                + "and actor_id = ?", Integer.class, tenant.userId("USER"))).isEqualTo(1);
    }

    @Test
    void theLeewayStillChecksTheVerifier() {
        JsonNode first = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        JsonNode second = refresh(first.get("refreshToken").asString()).getBody();
        String selector = first.get("refreshToken").asString().split("\\.")[0];

        assertThat(refresh(selector + ".forged-verifier").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where user_id = ? and status = 'ACTIVE'",
                Integer.class, tenant.userId("USER"))).as("no pair was handed out").isEqualTo(1);
        assertThat(refresh(second.get("refreshToken").asString()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRefreshTokenWithAWrongVerifierIsRefused() {
        JsonNode tokens = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        String selector = tokens.get("refreshToken").asString().split("\\.")[0];

        assertThat(refresh(selector + ".forged-verifier").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refresh("garbage").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(tokens.get("refreshToken").asString()).getStatusCode())
                .as("a forged verifier does not burn the real token").isEqualTo(HttpStatus.OK);
    }

    @Test
    void signOutRevokesTheAccessTokenAndTheSessionDurablyAndInRedis() {
        JsonNode tokens = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        String access = tokens.get("accessToken").asString();
        String jti = claim(access, "jti");

        ResponseEntity<JsonNode> out = SignIn.post(http, "/api/v1/auth/logout",
                Map.of("refreshToken", tokens.get("refreshToken").asString()), access);

        assertThat(out.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(SignIn.get(http, "/api/v1/auth/me", access).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(tokens.get("refreshToken").asString()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("select count(*) from revoked_access_tokens where jti = ?", Integer.class, jti))
                .isEqualTo(1);
        assertThat(redis.getExpire("blacklist:" + jti)).isBetween(1L, 15 * 60L);
    }

    @Test
    void aRedisRestartNeverUnrevokesAToken() {
        JsonNode tokens = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        String access = tokens.get("accessToken").asString();
        SignIn.post(http, "/api/v1/auth/logout", null, access);

        redis.delete("blacklist:" + claim(access, "jti"));

        assertThat(SignIn.get(http, "/api/v1/auth/me", access).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void switchingOrganizationScopesTheNewPairAndOnlyToMemberships() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        UUID roleId = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'MANAGER'",
                UUID.class);
        jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at) "
                + "values (?, ?, ?, ?, current_timestamp)", UUID.randomUUID(), tenant.userId("USER"),
                other.organizationId(), roleId);
        String access = SignIn.accessToken(http, tenant.email("USER"));

        ResponseEntity<JsonNode> switched = SignIn.post(http, "/api/v1/auth/switch-org",
                Map.of("organizationId", other.organizationId()), access);

        assertThat(switched.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode me = SignIn.get(http, "/api/v1/auth/me", switched.getBody().get("accessToken").asString()).getBody();
        assertThat(me.get("organization").get("id").asString()).isEqualTo(other.organizationId().toString());
        assertThat(me.get("roles").get(0).asString()).isEqualTo("MANAGER");
        assertThat(me.get("organizations").size()).isEqualTo(2);

        TestTenants.Tenant stranger = TestTenants.create(jdbc);
        assertThat(SignIn.post(http, "/api/v1/auth/switch-org", Map.of("organizationId", stranger.organizationId()),
                switched.getBody().get("accessToken").asString()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aUserSeesAndEndsTheirOwnSessionsOnly() {
        String laptop = SignIn.accessToken(http, tenant.email("USER"));
        String phone = SignIn.accessToken(http, tenant.email("USER"));
        JsonNode sessions = SignIn.get(http, "/api/v1/auth/sessions", laptop).getBody();
        assertThat(sessions.size()).isEqualTo(2);
        String phoneSession = claim(phone, "sid");

        String intruder = SignIn.accessToken(http, tenant.email("ADMIN"));
        assertThat(SignIn.post(http, "/api/v1/auth/sessions/" + phoneSession + "/revoke", null, intruder)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(SignIn.post(http, "/api/v1/auth/sessions/" + phoneSession + "/revoke", null, laptop)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(SignIn.get(http, "/api/v1/auth/me", phone).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SignIn.get(http, "/api/v1/auth/me", laptop).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRoleChangeAppliesAtTheNextRequest() {
        String access = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/users", access).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        UUID admin = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'ADMIN'", UUID.class);
        jdbc.update("update memberships set role_id = ? where user_id = ?", admin, tenant.userId("USER"));

        assertThat(SignIn.get(http, "/api/v1/users", access).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void rotatedSecondsAgo(JsonNode tokens, long seconds) {
        jdbc.update("update refresh_tokens set rotated_at = ? where selector = ?",
                Timestamp.from(Instant.now().minusSeconds(seconds)), tokens.get("refreshToken").asString().split("\\.")[0]);
    }

    private ResponseEntity<JsonNode> refresh(String refreshToken) {
        return http.postForEntity("/api/v1/auth/refresh", SignIn.json(Map.of("refreshToken", refreshToken)),
                JsonNode.class);
    }

    private static String claim(String token, String name) {
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get(name).asString();
    }
}
