package app.covenant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Who sees a contract, on every endpoint (issue 14): the owner, colleagues it is shared with, and holders of
 * contract:read-all (legal, finance, admins) of its organization. Anyone else — another business user, any user of
 * another organization, its admins and super admin included — gets 404 for every route, reads and writes alike.
 */
class VisibilityTest extends ContractTestSupport {

    @Test
    void everyRouteAnswersByVisibility() {
        newTenant();
        String other = "user2@" + tenant.code().toLowerCase() + ".test";
        String shared = "user3@" + tenant.code().toLowerCase() + ".test";
        TestTenants.addUser(jdbcTemplate, tenant, other, "USER");
        UUID sharedId = TestTenants.addUser(jdbcTemplate, tenant, shared, "USER");
        UUID contract = id(draft("USER", "Visibility"));
        Tenant elsewhere = TestTenants.create(jdbcTemplate);

        assertThat(post("/api/v1/contracts/" + contract + "/shares", Map.of("userId", sharedId), token(other))
                .getStatusCode().value()).as("a stranger cannot share it").isEqualTo(404);
        assertThat(post("/api/v1/contracts/" + contract + "/shares", Map.of("userId", elsewhere.userId("USER")),
                token("USER")).getStatusCode().value()).as("not a member").isEqualTo(400);
        assertThat(post("/api/v1/contracts/" + contract + "/shares", Map.of("userId", sharedId), token("USER")).getBody()
                .get("userIds").toString()).contains(sharedId.toString());

        Map<String, Integer> reads = new LinkedHashMap<>();
        reads.put(tenant.email("USER"), 200);
        reads.put(shared, 200);
        reads.put(tenant.email("LEGAL_MANAGER"), 200);
        reads.put(tenant.email("FINANCE_MANAGER"), 200);
        reads.put(tenant.email("ADMIN"), 200);
        reads.put(other, 404);
        for (String role : List.of("USER", "LEGAL_MANAGER", "ADMIN", "SUPER_ADMIN", "FINANCE_MANAGER")) {
            reads.put(elsewhere.email(role), 404);
        }
        for (Map.Entry<String, Integer> reader : reads.entrySet()) {
            String token = token(reader.getKey());
            for (String path : List.of("", "/versions", "/versions/1", "/versions/compare?from=1&to=1", "/audit",
                    "/approvals", "/shares")) {
                assertThat(get("/api/v1/contracts/" + contract + path, token).getStatusCode().value())
                        .as("%s GET %s", reader.getKey(), path).isEqualTo(reader.getValue());
            }
            String listed = get("/api/v1/contracts?size=100", token).getBody().toString();
            assertThat(listed.contains(contract.toString())).as("%s list", reader.getKey())
                    .isEqualTo(reader.getValue() == 200);
        }

        Map<String, Object> edit = new HashMap<>(createBody("Changed"));
        edit.remove("templateId");
        edit.remove("variables");
        for (String stranger : List.of(other, elsewhere.email("USER"), elsewhere.email("LEGAL_MANAGER"),
                elsewhere.email("ADMIN"), elsewhere.email("SUPER_ADMIN"))) {
            String token = token(stranger);
            assertThat(put("/api/v1/contracts/" + contract, edit, token).getStatusCode().value()).as(stranger)
                    .isEqualTo(404);
            for (String action : List.of("/submit", "/versions/1/restore", "/cancel")) {
                assertThat(post("/api/v1/contracts/" + contract + action, Map.of(), token).getStatusCode().value())
                        .as("%s POST %s", stranger, action).isEqualTo(404);
            }
        }
        assertThat(put("/api/v1/contracts/" + contract, edit, token(shared)).getStatusCode().value())
                .as("shared to read, not to edit").isEqualTo(403);
        assertThat(post("/api/v1/contracts/" + contract + "/submit", Map.of(), token(shared)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(delete("/api/v1/contracts/" + contract + "/shares/" + sharedId, token(shared)).getStatusCode()
                .value()).as("only the owner or read-all unshare").isEqualTo(403);
        assertThat(put("/api/v1/contracts/" + contract, edit, token("LEGAL_MANAGER")).getStatusCode().value())
                .as("legal edits drafts").isEqualTo(200);

        assertThat(delete("/api/v1/contracts/" + contract + "/shares/" + sharedId, token("USER")).getBody()
                .get("userIds")).isEmpty();
        assertThat(get("/api/v1/contracts/" + contract, token(shared)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theListFiltersByStatusTextTemplateOwnerAndExpiry() {
        newTenant();
        UUID first = id(draft("USER", "Tower crane hire"));
        Map<String, Object> body = new HashMap<>(createBody("Concrete pumping"));
        body.put("endDate", java.time.LocalDate.now().plusDays(20).toString());
        body.put("startDate", java.time.LocalDate.now().minusDays(200).toString());
        body.put("counterpartyName", "PumpCo Ltd");
        UUID second = id(post("/api/v1/contracts", body, token("LEGAL_MANAGER")).getBody());
        post("/api/v1/contracts/" + second + "/submit", Map.of(), token("LEGAL_MANAGER"));
        String legal = token("LEGAL_MANAGER");

        assertThat(ids("?status=SENT_TO_LEGAL", legal)).containsExactly(second.toString());
        assertThat(ids("?q=crane", legal)).containsExactly(first.toString());
        assertThat(ids("?q=pumpco", legal)).containsExactly(second.toString());
        assertThat(ids("?q=services for acme <steel>", legal)).as("body text as a reader sees it").hasSize(2);
        assertThat(ids("?expiringDays=30", legal)).containsExactly(second.toString());
        assertThat(ids("?ownerId=" + tenant.userId("USER"), legal)).containsExactly(first.toString());
        assertThat(ids("?templateId=" + templateId, legal)).hasSize(2);
        assertThat(ids("?templateId=" + UUID.randomUUID(), legal)).isEmpty();
        assertThat(ids("", token("USER"))).containsExactly(first.toString());
        assertThat(ids("?sort=title,asc", legal)).containsExactly(second.toString(), first.toString());
        assertThat(get("/api/v1/contracts?sort=bodyHtml,asc", legal).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/contracts?status=NOPE", legal).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> page = get("/api/v1/contracts?size=1", legal);
        assertThat(page.getBody().get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(SignIn.get(http, "/api/contracts?size=1", legal).getStatusCode().value()).isEqualTo(200);
    }

    private List<String> ids(String query, String token) {
        JsonNode content = get("/api/v1/contracts" + query, token).getBody().get("content");
        List<String> ids = new java.util.ArrayList<>();
        content.forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }
}
