package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writing entries: columns, request details, redaction, and transactions shared with the caller. */
@AuditIntegrationTest
class AuditTrailTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper mapper;

    @AfterEach
    void leaveNoRequest() {
        RequestContextHolder.resetRequestAttributes();
        MDC.remove("traceId");
    }

    @Test
    void appendsAnEntryWithEveryColumnAndTheChainStaysValid() {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String action = unique("user.invited");
        UUID actor = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        long before = db.lastId();

        trail.record(AuditEntry.of("identity", action).actor(actor, "admin@covenant.test").organization(organization)
                .target("user", "u-1").after(Map.of("email", "new@covenant.test", "role", "USER"))
                .visibility(AuditVisibility.PUBLIC));
        trail.record(AuditEntry.of("identity", action).organization(organization).target("user", "u-2"));

        Map<String, Object> row = db.rows(action).getFirst();
        Map<String, Object> next = db.rows(action).get(1);
        assertThat(((Number) row.get("id")).longValue()).isGreaterThan(before);
        assertThat(row.get("actor_id")).isEqualTo(actor);
        assertThat(row.get("actor_email")).isEqualTo("admin@covenant.test");
        assertThat(row.get("organization_id")).isEqualTo(organization);
        assertThat(row.get("module")).isEqualTo("identity");
        assertThat(row.get("target_type")).isEqualTo("user");
        assertThat(row.get("target_id")).isEqualTo("u-1");
        assertThat(row.get("before_json")).isNull();
        assertThat(row.get("after_json")).isEqualTo("{\"email\":\"new@covenant.test\",\"role\":\"USER\"}");
        assertThat(row.get("visibility")).isEqualTo("PUBLIC");
        assertThat((String) row.get("hash")).hasSize(64).isNotEqualTo(row.get("prev_hash"));
        assertThat(row.get("chain_id")).as("the organization's own chain").isEqualTo(organization);
        assertThat(((Number) row.get("chain_seq")).longValue()).isEqualTo(1);
        assertThat(row.get("prev_hash")).as("the start of a chain").isEqualTo("0".repeat(64));
        assertThat(((Number) next.get("chain_seq")).longValue()).isEqualTo(2);
        assertThat(next.get("prev_hash")).isEqualTo(row.get("hash"));
        assertThat(row.get("ip_address")).isNull();

        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.firstBrokenId()).isNull();
        assertThat(result.checked()).isPositive();
        assertThat(result.verifiedAt()).isNotNull();
    }

    @Test
    void takesAddressUserAgentAndCorrelationIdFromTheCurrentRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("User-Agent", "Mozilla/5.0 (Tablet) " + "x".repeat(600));
        request.addHeader("X-Forwarded-For", "198.51.100.1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        MDC.put("traceId", "corr-123");
        String action = unique("auth.sign-in.failed");

        trail.record(AuditEntry.of("identity", action).actor(null, "nobody@covenant.test"));

        Map<String, Object> row = new AuditDatabase(jdbc, transactions).rows(action).getFirst();
        assertThat(row.get("ip_address")).as("the peer, not an untrusted header").isEqualTo("203.0.113.9");
        assertThat((String) row.get("user_agent")).startsWith("Mozilla/5.0 (Tablet)").hasSize(500);
        assertThat(row.get("correlation_id")).isEqualTo("corr-123");
        assertThat(row.get("visibility")).isEqualTo("INTERNAL");
        assertThat(verification.verify().valid()).isTrue();
    }

    @Test
    void redactsSecretsAtAnyDepthAndSortsKeys() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "Ada");
        nested.put("apiKey", "k-123");
        nested.put("sessions", List.of(Map.of("refreshToken", "r-1", "device", "tablet"), "plain", 7));
        nested.put("empty", null);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("zeta", 1);
        values.put("password", "Hunter2-Hunter2");
        values.put("Authorization", "Bearer abc");
        values.put("profile", nested);
        values.put("cookies", Map.of("sid", "s"));
        values.put("clientSecret", Map.of("value", "deep"));
        values.put("verifierHash", "h");
        values.put("email", "ada@covenant.test");
        String action = unique("user.updated");

        trail.record(AuditEntry.of("identity", action).before(values).after(Map.of("TOKEN", "t", "ok", true)));

        Map<String, Object> row = new AuditDatabase(jdbc, transactions).rows(action).getFirst();
        String beforeJson = (String) row.get("before_json");
        assertThat(beforeJson).doesNotContain("Hunter2", "Bearer", "k-123", "r-1", "deep", "\"s\"")
                .startsWith("{\"Authorization\":\"[REDACTED]\",\"clientSecret\":");
        JsonNode before = mapper.readTree(beforeJson);
        assertThat(before.get("password").asString()).isEqualTo("[REDACTED]");
        assertThat(before.get("cookies").asString()).isEqualTo("[REDACTED]");
        assertThat(before.get("verifierHash").asString()).isEqualTo("[REDACTED]");
        assertThat(before.get("email").asString()).isEqualTo("ada@covenant.test");
        assertThat(before.get("zeta").asInt()).isEqualTo(1);
        JsonNode profile = before.get("profile");
        assertThat(profile.get("apiKey").asString()).isEqualTo("[REDACTED]");
        assertThat(profile.get("name").asString()).isEqualTo("Ada");
        assertThat(profile.get("empty").isNull()).isTrue();
        assertThat(profile.get("sessions").get(0).get("refreshToken").asString()).isEqualTo("[REDACTED]");
        assertThat(profile.get("sessions").get(0).get("device").asString()).isEqualTo("tablet");
        assertThat(profile.get("sessions").get(1).asString()).isEqualTo("plain");
        assertThat(profile.get("sessions").get(2).asInt()).isEqualTo(7);
        assertThat(row.get("after_json")).isEqualTo("{\"TOKEN\":\"[REDACTED]\",\"ok\":true}");
    }

    @Test
    void joinsTheCallersTransaction() {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String rolledBack = unique("role.changed");
        String committed = unique("role.changed");

        transaction.executeWithoutResult(status -> {
            trail.record(AuditEntry.of("identity", rolledBack));
            assertThat(db.count(rolledBack)).as("visible inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> trail.record(AuditEntry.of("identity", committed)));

        assertThat(db.count(rolledBack)).isZero();
        assertThat(db.count(committed)).isEqualTo(1);
        assertThat(verification.verify().valid()).as("a rolled-back append leaves no gap in the chain").isTrue();
    }

    @Test
    void recordsFromAReadOnlyTransactionInATransactionOfItsOwn() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        String action = unique("document.downloaded");

        readOnly.executeWithoutResult(status -> {
            trail.record(AuditEntry.of("documents", action));
            status.setRollbackOnly();
        });

        assertThat(new AuditDatabase(jdbc, transactions).count(action)).isEqualTo(1);
    }

    static String unique(String action) {
        return action + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
