package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Lockout, password rules, reset by e-mail link, password change, invitations. */
@IntegrationTest
class AccountFlowsTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{40,})");

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
    void fiveFailuresLockTheEmailFor15MinutesInRedisAndAnAdminCanUnlock() {
        String email = tenant.email("USER");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login(email, "wrong-password-" + attempt).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<JsonNode> locked = login(email, TestTenants.PASSWORD);

        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.LOCKED);
        assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isBetween(890L, 900L);
        assertThat(locked.getBody().get("detail").asString()).contains("15 minutes");
        assertThat(redis.opsForValue().get("lockout:" + email)).isEqualTo("5");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.account.locked' "
                + "and actor_email = ?", Integer.class, email)).isEqualTo(1);

        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        assertThat(SignIn.post(http, "/api/v1/users/" + tenant.userId("USER") + "/unlock", null, admin)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(login(email, TestTenants.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theRunbooksRedisDeleteUnlocksToo() {
        String email = tenant.email("MANAGER");
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(email, "wrong-password-" + attempt);
        }
        assertThat(login(email, TestTenants.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.LOCKED);

        redis.delete("lockout:" + email);

        assertThat(login(email, TestTenants.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownEmailsAreCountedAndLockedLikeKnownOnes() {
        String email = "ghost-" + tenant.code().toLowerCase() + "@example.test";
        for (int attempt = 1; attempt <= 5; attempt++) {
            login(email, "wrong-password-" + attempt);
        }
        assertThat(login(email, "anything-at-all").getStatusCode()).isEqualTo(HttpStatus.LOCKED);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            short-pw1                       | at least 10 characters
            password123                     | too common
            qwertyuiop                      | too common
            1234567890                      | too common
            P@ssw0rd123                     | too common
            """)
    void weakPasswordsAreRefusedOnChange(String candidate, String reason) {
        String access = SignIn.accessToken(http, tenant.email("USER"));

        ResponseEntity<JsonNode> response = SignIn.post(http, "/api/v1/auth/change-password",
                Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", candidate), access);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(response.getBody().get("errors").get(0).get("message").asString()).contains(reason);
    }

    @Test
    void thePasswordMayNotBeTheEmailNorTooLong() {
        String access = SignIn.accessToken(http, tenant.email("USER"));
        for (String candidate : List.of(tenant.email("USER"), "x".repeat(129))) {
            assertThat(SignIn.post(http, "/api/v1/auth/change-password",
                    Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", candidate), access).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() {
        String other = SignIn.accessToken(http, tenant.email("USER"));
        String current = SignIn.accessToken(http, tenant.email("USER"));

        assertThat(SignIn.post(http, "/api/v1/auth/change-password", Map.of("currentPassword", TestTenants.PASSWORD,
                "newPassword", "A-brand-new-passphrase-77"), current).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(SignIn.get(http, "/api/v1/auth/me", other).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SignIn.get(http, "/api/v1/auth/me", current).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login(tenant.email("USER"), "A-brand-new-passphrase-77").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(hashOf(tenant.email("USER"))).startsWith("$2a$12$");
    }

    @Test
    void forgotPasswordAlwaysAnswers202AndTheSingleUseLinkResetsEverySession() {
        String session = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(http.postForEntity("/api/v1/auth/forgot-password",
                SignIn.json(Map.of("email", "nobody-" + tenant.code() + "@example.test")), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(http.postForEntity("/api/v1/auth/forgot-password",
                SignIn.json(Map.of("email", tenant.email("USER"))), Void.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        String mail = lastMailTo(tenant.email("USER"));
        assertThat(mail).doesNotContain(TestTenants.PASSWORD);
        String token = tokenIn(mail);
        assertThat(jdbc.queryForObject("select count(*) from user_tokens where token_hash = ?", Integer.class, token))
                .as("only the hash is stored").isZero();

        assertThat(http.postForEntity("/api/v1/auth/reset-password",
                SignIn.json(Map.of("token", token, "newPassword", "Reset-and-remembered-2026")), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(SignIn.get(http, "/api/v1/auth/me", session).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(login(tenant.email("USER"), "Reset-and-remembered-2026").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> again = http.postForEntity("/api/v1/auth/reset-password",
                SignIn.json(Map.of("token", token, "newPassword", "Another-try-with-it-2026")), JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().get("errors").get(0).get("field").asString()).isEqualTo("token");
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        http.postForEntity("/api/v1/auth/forgot-password", SignIn.json(Map.of("email", tenant.email("LEGAL_MANAGER"))),
                Void.class);
        String token = tokenIn(lastMailTo(tenant.email("LEGAL_MANAGER")));
        jdbc.update("update user_tokens set expires_at = created_at where user_id = ?", tenant.userId("LEGAL_MANAGER"));

        assertThat(http.postForEntity("/api/v1/auth/reset-password",
                SignIn.json(Map.of("token", token, "newPassword", "Too-late-for-this-2026")), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anInvitationIsALinkNeverAPasswordAndAcceptingItSignsIn() {
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        String invitee = "new.colleague-" + tenant.code().toLowerCase() + "@example.test";

        ResponseEntity<JsonNode> invited = SignIn.post(http, "/api/v1/users/invite",
                Map.of("email", invitee, "name", "New Colleague", "roleCode", "MANAGER"), admin);

        assertThat(invited.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(invited.getBody().get("status").asString()).isEqualTo("INVITED");
        String mail = lastMailTo(invitee);
        assertThat(mail).contains("/accept-invite?token=").doesNotContainIgnoringCase("password:");

        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/auth/accept-invite", SignIn.json(Map.of(
                "token", tokenIn(mail), "name", "Nia Colleague", "password", "Welcome-aboard-2026")), JsonNode.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("user").get("roles").get(0).asString()).isEqualTo("MANAGER");
        assertThat(accepted.getBody().get("user").get("organizationId").asString())
                .isEqualTo(tenant.organizationId().toString());
    }

    @Test
    void emailVerificationByLink() {
        jdbc.update("update users set email_verified = false where id = ?", tenant.userId("USER"));
        String access = SignIn.accessToken(http, tenant.email("USER"));

        assertThat(SignIn.post(http, "/api/v1/auth/send-verification", null, access).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        String token = tokenIn(lastMailTo(tenant.email("USER")));
        assertThat(http.postForEntity("/api/v1/auth/verify-email", SignIn.json(Map.of("token", token)), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(SignIn.get(http, "/api/v1/auth/me", access).getBody().get("user").get("emailVerified").asBoolean())
                .isTrue();
    }

    private ResponseEntity<JsonNode> login(String email, String password) {
        return http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of("email", email, "password", password)),
                JsonNode.class);
    }

    private String lastMailTo(String address) {
        // Some e-mails (the reset link) are queued just after the answer: wait for the first one to arrive.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from email_outbox where to_address = ?", Integer.class, address) > 0);
        return jdbc.queryForObject("select body_text from email_outbox where to_address = ? order by created_at desc "
                + "limit 1", String.class, address);
    }

    private static String tokenIn(String mail) {
        Matcher matcher = TOKEN.matcher(mail);
        assertThat(matcher.find()).as("a link with a token in: %s", mail).isTrue();
        return matcher.group(1);
    }

    private String hashOf(String email) {
        return jdbc.queryForObject("select password_hash from users where email_normalized = ?", String.class, email);
    }
}
