package app.covenant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.contracts.internal.ContractReferences;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Drafting from a template: the filled, cleaned snapshot, reference, SHA-256, version 1, and the 400s. */
class ContractCreationTest extends ContractTestSupport {

    @BeforeEach
    void tenantWithTemplate() {
        newTenant();
    }

    @Test
    void aDraftFromATemplateIsFilledCleanedHashedAndVersionOne() throws Exception {
        JsonNode contract = draft("USER", "Steel supply 2027");
        assertThat(contract.get("status").asString()).isEqualTo("DRAFT");
        assertThat(contract.get("reference").asString()).matches(tenant.code() + "-\\d{4}-[A-Z0-9]{6}")
                .matches(ContractReferences.FORMAT);
        assertThat(contract.get("templateId").asString()).isEqualTo(templateId.toString());
        assertThat(contract.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(contract.get("ownerId").asString()).isEqualTo(tenant.userId("USER").toString());
        assertThat(contract.get("amount").asString()).isEqualTo("125000.00");
        assertThat(contract.get("currency").asString()).isEqualTo("USD");
        assertThat(contract.get("currentVersion").asInt()).isEqualTo(1);
        String body = contract.get("bodyHtml").asString();
        assertThat(body).contains("Acme &lt;Steel&gt; &amp; Co").contains("2027-01-01").doesNotContain("<script")
                .doesNotContain("{{");
        assertThat(contract.get("annexures").get(0).get("html").asString()).contains("Scope: Everything");
        assertThat(contract.get("variables").get("SCOPE").asString()).isEqualTo("Everything");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(contract.get("bodySha256").asString()).isEqualTo(sha);
        UUID id = id(contract);
        JsonNode versions = get("/api/v1/contracts/" + id + "/versions", token("USER")).getBody();
        assertThat(versions.get("content")).hasSize(1);
        assertThat(versions.get("content").get(0).get("number").asInt()).isEqualTo(1);
        assertThat(versions.get("content").get(0).get("kind").asString()).isEqualTo("CREATED");
        assertThat(get("/api/contracts/" + id, token("USER")).getStatusCode().value()).as("unversioned path")
                .isEqualTo(200);
    }

    @Test
    void referencesAreUniqueByConstraint() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            references.add(draft("USER", "Contract " + i).get("reference").asString());
        }
        assertThat(references).hasSize(8);
        String taken = references.iterator().next();
        Timestamp now = Timestamp.from(Instant.now());
        assertThatThrownBy(() -> jdbcTemplate.update("insert into contracts (id, organization_id, reference, title, "
                        + "counterparty_name, currency, body_html, annexures, variable_values, search_text, body_sha256, "
                        + "owner_id, status, current_version, approval_round, created_at, updated_at) values (?, ?, ?, 'x',"
                        + " 'y', 'USD', '', '[]', '{}', '', ?, ?, 'DRAFT', 0, 0, ?, ?)", UUID.randomUUID(),
                tenant.organizationId(), taken, "0".repeat(64), tenant.userId("USER"), now, now))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void endBeforeStartIsRefusedAndNothingIsStored() {
        Map<String, Object> body = new HashMap<>(createBody("Backwards"));
        body.put("endDate", "2026-06-30");
        ResponseEntity<JsonNode> refused = post("/api/v1/contracts", body, token("USER"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asString()).isEqualTo("endDate");
        assertThat(count()).isZero();
    }

    @Test
    void aMissingRequiredVariableIsRefused() {
        Map<String, Object> body = new HashMap<>(createBody("No client"));
        body.put("variables", Map.of("START", "2027-01-01"));
        ResponseEntity<JsonNode> refused = post("/api/v1/contracts", body, token("USER"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").toString()).contains("variables.CLIENT_NAME");
        body.put("amount", "-5");
        assertThat(post("/api/v1/contracts", body, token("USER")).getBody().get("errors").toString())
                .contains("amount");
        assertThat(count()).isZero();
    }

    @Test
    void aVariableMayBeAJsonNumberButNotAnObject() {
        Map<String, Object> body = new HashMap<>(createBody("Numbered client"));
        body.put("variables", Map.of("CLIENT_NAME", 4217, "START", "2027-01-01"));
        JsonNode created = created("USER", body);
        assertThat(created.get("variables").get("CLIENT_NAME").asString()).isEqualTo("4217");
        assertThat(created.get("bodyHtml").asString()).contains("4217");

        body.put("variables", Map.of("CLIENT_NAME", Map.of("name", "Acme"), "START", "2027-01-01"));
        ResponseEntity<JsonNode> objectValue = post("/api/v1/contracts", body, token("USER"));
        assertThat(objectValue.getStatusCode().value()).isEqualTo(400);
        assertThat(objectValue.getBody().get("errors").toString()).contains("variables.CLIENT_NAME");
        body.put("variables", Map.of("CLIENT_NAME", "Acme", "START", true));
        ResponseEntity<JsonNode> notADate = post("/api/v1/contracts", body, token("USER"));
        assertThat(notADate.getStatusCode().value()).isEqualTo(400);
        assertThat(notADate.getBody().get("errors").toString()).contains("variables.START");
        assertThat(count()).as("only the first").isEqualTo(1);
    }

    /** API.md: "money as whole-dollar integers or decimal strings, never floats". */
    @Test
    void theAmountIsAWholeNumberOrADecimalStringNeverAFloat() {
        Map<String, Object> body = new HashMap<>(createBody("Whole dollars"));
        body.put("amount", 125000);
        assertThat(created("USER", body).get("amount").asString()).isEqualTo("125000.00");
        body.put("amount", 125000.5);
        ResponseEntity<JsonNode> aFloat = post("/api/v1/contracts", body, token("USER"));
        assertThat(aFloat.getStatusCode().value()).isEqualTo(400);
        assertThat(aFloat.getBody().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        body.put("amount", "1e40000000");
        ResponseEntity<JsonNode> huge = post("/api/v1/contracts", body, token("USER"));
        assertThat(huge.getStatusCode().value()).isEqualTo(400);
        assertThat(huge.getBody().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void financeMayNotDraftAndAnotherOrganizationsTemplateIsUnknown() {
        assertThat(post("/api/v1/contracts", createBody("Finance"), token("FINANCE_MANAGER")).getStatusCode().value())
                .isEqualTo(403);
        UUID ours = templateId;
        newTenant();
        Map<String, Object> body = new HashMap<>(createBody("Theirs"));
        body.put("templateId", ours);
        assertThat(post("/api/v1/contracts", body, token("USER")).getStatusCode().value()).isEqualTo(404);
    }

    private long count() {
        return jdbcTemplate.queryForObject("select count(*) from contracts where organization_id = ?", Long.class,
                tenant.organizationId());
    }
}
