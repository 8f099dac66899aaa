package app.covenant.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/reminders} over HTTP: the manual run (today, by the application's clock), and who may call each
 * endpoint — 401 signed out, 403 without the role, 404 for another organization's record or a broker not named.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reminders reminders;

    private final Map<String, String> tokens = new HashMap<>();
    private Tenant tenant;
    private ReminderFixtures f;
    private UUID coi;
    private UUID otherCoi;
    private UUID reminder;
    private String brokerEmail;

    @BeforeAll
    void setUp() {
        tenant = TestTenants.create(jdbc);
        Tenant other = TestTenants.create(jdbc);
        f = new ReminderFixtures(jdbc, tenant);
        f.link(f.gc, tenant.userId("CONTRACTOR"));
        f.link(f.sub, tenant.userId("SUBCONTRACTOR"));
        String domain = tenant.code().toLowerCase() + ".test";
        brokerEmail = tenant.email("BROKER");
        UUID broker = f.broker(brokerEmail, tenant.userId("BROKER"));
        UUID broker2User = TestTenants.addUser(jdbc, tenant, "broker2@" + domain, "BROKER");
        f.broker("broker2@" + domain, broker2User);
        coi = f.coi(f.project, f.sub, "ACTIVE", "compliance@" + domain, broker, brokerEmail,
                Instant.parse("2025-01-01T00:00:00Z"), LocalDate.now().plusDays(7));
        ReminderFixtures otherF = new ReminderFixtures(jdbc, other);
        otherCoi = otherF.coi(otherF.project, otherF.sub, "ACTIVE", null, null, null,
                Instant.parse("2025-01-01T00:00:00Z"), LocalDate.now().plusDays(7));
        for (String role : List.of("ADMIN", "MANAGER", "USER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER", "SUPER_ADMIN")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        tokens.put("BROKER2", SignIn.accessToken(http, "broker2@" + domain));
        tokens.put("OTHER_ADMIN", SignIn.accessToken(http, other.email("ADMIN")));
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, String who) {
        HttpHeaders headers = who == null ? new HttpHeaders() : SignIn.bearer(tokens.get(who));
        return http.exchange("/api/v1/reminders" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private int status(HttpMethod method, String path, Object body, String who) {
        return call(method, path, body, who).getStatusCode().value();
    }

    private UUID runAndFindReminder() {
        if (reminder == null) {
            ResponseEntity<JsonNode> run = call(HttpMethod.POST, "/check-expiring-policies", null, "ADMIN");
            assertThat(run.getStatusCode().value()).as("%s", run.getBody()).isEqualTo(200);
            for (String field : List.of("policiesChecked", "remindersSent", "emailsQueued", "durationMs")) {
                assertThat(run.getBody().has(field)).as(field).isTrue();
            }
            reminder = jdbc.queryForObject("select id from reminders_expiration_reminders where coi_id = ?", UUID.class,
                    coi);
        }
        return reminder;
    }

    @Test
    void theManualRunRecordsTheSevenDayReminderOnceAndOnlyAdminsMayStartIt() {
        assertThat(status(HttpMethod.POST, "/check-expiring-policies", null, null)).isEqualTo(401);
        for (String role : List.of("MANAGER", "USER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            assertThat(status(HttpMethod.POST, "/check-expiring-policies", null, role)).as(role).isEqualTo(403);
        }
        runAndFindReminder();
        assertThat(status(HttpMethod.POST, "/check-expiring-policies", null, "SUPER_ADMIN")).isEqualTo(200);
        assertThat(jdbc.queryForList("select reminder_type from reminders_expiration_reminders where coi_id = ?",
                String.class, coi)).containsExactly("DAYS_7");
        assertThat(f.subjectsTo(brokerEmail)).singleElement().asString().startsWith("[7 Days] URGENT");
    }

    @Test
    void historyIsForAdminsManagersAndTheCertificatesPartiesOnly() {
        runAndFindReminder();
        assertThat(status(HttpMethod.GET, "/history/" + coi, null, null)).isEqualTo(401);
        for (String role : List.of("ADMIN", "MANAGER", "SUPER_ADMIN", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            ResponseEntity<JsonNode> history = call(HttpMethod.GET, "/history/" + coi, null, role);
            assertThat(history.getStatusCode().value()).as(role).isEqualTo(200);
            assertThat(history.getBody()).as(role).hasSize(1);
        }
        JsonNode item = call(HttpMethod.GET, "/history/" + coi, null, "ADMIN").getBody().get(0);
        for (String field : List.of("id", "coiId", "policyType", "expirationDate", "daysBeforeExpiry", "reminderType",
                "sentAt", "sentTo", "emailSubject", "acknowledged", "acknowledgedAt", "acknowledgedBy")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.get("policyType").asString()).isEqualTo("GL");
        assertThat(item.get("daysBeforeExpiry").asInt()).isEqualTo(7);
        assertThat(status(HttpMethod.GET, "/history/" + coi, null, "USER")).isEqualTo(403);
        assertThat(status(HttpMethod.GET, "/history/" + coi, null, "BROKER2")).isEqualTo(404);
        assertThat(status(HttpMethod.GET, "/history/" + coi, null, "OTHER_ADMIN")).isEqualTo(404);
        assertThat(status(HttpMethod.GET, "/history/" + otherCoi, null, "ADMIN")).isEqualTo(404);
        assertThat(status(HttpMethod.GET, "/history/" + UUID.randomUUID(), null, "ADMIN")).isEqualTo(404);
    }

    @Test
    void pendingIsForAdminsAndManagersWithFilters() {
        runAndFindReminder();
        assertThat(status(HttpMethod.GET, "/pending", null, null)).isEqualTo(401);
        for (String role : List.of("USER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            assertThat(status(HttpMethod.GET, "/pending", null, role)).as(role).isEqualTo(403);
        }
        for (String role : List.of("ADMIN", "MANAGER", "SUPER_ADMIN")) {
            ResponseEntity<JsonNode> pending = call(HttpMethod.GET, "/pending?type=DAYS_7&projectId=" + f.project, null,
                    role);
            assertThat(pending.getStatusCode().value()).as(role).isEqualTo(200);
            assertThat(pending.getBody().get("content")).as(role).hasSize(1);
        }
        assertThat(call(HttpMethod.GET, "/pending?type=DAYS_30", null, "ADMIN").getBody().get("content")).isEmpty();
        assertThat(call(HttpMethod.GET, "/pending?projectId=" + UUID.randomUUID(), null, "ADMIN").getBody()
                .get("content")).isEmpty();
        assertThat(status(HttpMethod.GET, "/pending?type=DAYS_99", null, "ADMIN")).isEqualTo(400);
        assertThat(call(HttpMethod.GET, "/pending", null, "OTHER_ADMIN").getBody().get("content").toString())
                .doesNotContain(coi.toString());
    }

    @Test
    void acknowledgementByTheNamedBrokerIsIdempotentAndOthersGet403Or404() {
        UUID id = runAndFindReminder();
        assertThat(status(HttpMethod.POST, "/" + id + "/acknowledge", null, null)).isEqualTo(401);
        assertThat(status(HttpMethod.POST, "/" + id + "/acknowledge", null, "CONTRACTOR")).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/" + id + "/acknowledge", null, "USER")).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/" + id + "/acknowledge", null, "BROKER2")).isEqualTo(404);
        assertThat(status(HttpMethod.POST, "/" + id + "/acknowledge", null, "OTHER_ADMIN")).isEqualTo(404);

        ResponseEntity<JsonNode> acked = call(HttpMethod.POST, "/" + id + "/acknowledge", null, "BROKER");
        assertThat(acked.getStatusCode().value()).as("%s", acked.getBody()).isEqualTo(200);
        assertThat(acked.getBody().get("acknowledged").asBoolean()).isTrue();
        assertThat(acked.getBody().get("acknowledgedBy").asString()).isEqualTo(tenant.userId("BROKER").toString());
        String at = acked.getBody().get("acknowledgedAt").asString();
        ResponseEntity<JsonNode> again = call(HttpMethod.POST, "/" + id + "/acknowledge", null, "ADMIN");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("acknowledgedBy").asString()).isEqualTo(tenant.userId("BROKER").toString());
        assertThat(again.getBody().get("acknowledgedAt").asString()).isEqualTo(at);
        assertThat(status(HttpMethod.POST, "/" + id + "/acknowledge", null, "MANAGER")).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'reminder.acknowledged' "
                + "and target_id = ?", Integer.class, id.toString())).isEqualTo(1);

        ResponseEntity<JsonNode> stats = call(HttpMethod.GET, "/stats", null, "ADMIN");
        assertThat(stats.getStatusCode().value()).isEqualTo(200);
        assertThat(stats.getBody().get("byType").get("DAYS_7").asLong()).isEqualTo(1);
        assertThat(stats.getBody().get("acknowledged").asLong()).isEqualTo(1);
        assertThat(stats.getBody().get("pending").asLong()).isZero();
    }

    private app.covenant.shared.security.Caller caller(String role, UUID userId) {
        java.util.Set<String> permissions = new java.util.HashSet<>(jdbc.queryForList("select rp.permission_code from "
                + "role_permissions rp join roles r on r.id = rp.role_id where r.scope_key = 'system' and r.code = ?",
                String.class, role));
        return new app.covenant.shared.security.Caller(userId, role + "@test", role, tenant.organizationId(),
                java.util.Set.of(role), permissions, UUID.randomUUID());
    }

    @Test
    void theHomeCardQueryListsWhatWaitsForTheCallerMostUrgentFirst() {
        UUID id = runAndFindReminder();
        boolean acknowledged = jdbc.queryForObject("select acknowledged from reminders_expiration_reminders where id = ?",
                Boolean.class, id);
        org.springframework.data.domain.Pageable five = org.springframework.data.domain.PageRequest.of(0, 5);
        UUID broker2 = jdbc.queryForObject("select id from users where email = ?", UUID.class,
                "broker2@" + tenant.code().toLowerCase() + ".test");
        assertThat(reminders.waitingFor(caller("BROKER", broker2), five).getContent()).isEmpty();
        List<UUID> forBroker = reminders.waitingFor(caller("BROKER", tenant.userId("BROKER")), five).getContent()
                .stream().map(ExpirationReminder::id).toList();
        List<UUID> forManager = reminders.waitingFor(caller("MANAGER", tenant.userId("MANAGER")), five).getContent()
                .stream().map(ExpirationReminder::id).toList();
        if (acknowledged) {
            assertThat(forBroker).isEmpty();
            assertThat(forManager).isEmpty();
        } else {
            assertThat(forBroker).containsExactly(id);
            assertThat(forManager).containsExactly(id);
        }
    }

    @Test
    void statsAndSettingsAreForAdminsOnlyAndSettingsAreValidated() {
        assertThat(status(HttpMethod.GET, "/stats", null, null)).isEqualTo(401);
        assertThat(status(HttpMethod.GET, "/settings", null, null)).isEqualTo(401);
        for (String role : List.of("MANAGER", "USER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            assertThat(status(HttpMethod.GET, "/stats", null, role)).as(role).isEqualTo(403);
            assertThat(status(HttpMethod.GET, "/settings", null, role)).as(role).isEqualTo(403);
            assertThat(status(HttpMethod.PUT, "/settings", Map.of("enabled", true), role)).as(role).isEqualTo(403);
        }
        assertThat(status(HttpMethod.GET, "/stats", null, "SUPER_ADMIN")).isEqualTo(200);
        ResponseEntity<JsonNode> defaults = call(HttpMethod.GET, "/settings", null, "OTHER_ADMIN");
        assertThat(defaults.getStatusCode().value()).isEqualTo(200);
        assertThat(defaults.getBody().get("enabled").asBoolean()).isTrue();

        ResponseEntity<JsonNode> invalid = call(HttpMethod.PUT, "/settings", Map.of("enabled", true,
                "disabledTypes", List.of("DAYS_99"), "extraRecipients", List.of("not an address")), "OTHER_ADMIN");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors")).hasSize(2);

        ResponseEntity<JsonNode> saved = call(HttpMethod.PUT, "/settings", Map.of("enabled", true,
                "disabledTypes", List.of("DAYS_30"), "extraRecipients", List.of("Risk@Example.com", "risk@example.com")),
                "OTHER_ADMIN");
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        assertThat(saved.getBody().get("disabledTypes").toString()).isEqualTo("[\"DAYS_30\"]");
        assertThat(saved.getBody().get("extraRecipients").toString()).isEqualTo("[\"risk@example.com\"]");
        assertThat(call(HttpMethod.GET, "/settings", null, "ADMIN").getBody().get("disabledTypes")).isEmpty();
    }
}
