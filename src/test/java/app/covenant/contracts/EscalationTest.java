package app.covenant.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Escalation to the head of legal: while escalated, only the head decides (a legal manager gets 403 — who they are,
 * not the contract's state), the queues follow, the head returns it to legal, and the reason stays legal's.
 */
class EscalationTest extends ContractTestSupport {

    @Test
    void onlyTheHeadDecidesWhileEscalatedAndMayReturnIt() {
        newTenant();
        UUID contract = id(draft("USER", "Crane hire"));
        post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER"));
        UUID legal = approval(contract, 1, "LEGAL");
        String escalate = "/api/v1/approvals/contracts/" + contract + "/escalate";

        assertThat(post(escalate, Map.of("reason", "Unlimited liability"), token("USER")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post(escalate, Map.of(), token("LEGAL_MANAGER")).getStatusCode().value()).isEqualTo(400);
        JsonNode escalated = post(escalate, Map.of("reason", "Unlimited liability clause"), token("LEGAL_MANAGER"))
                .getBody();
        assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(status(contract)).isEqualTo("PENDING_LEGAL_HEAD");
        assertThat(post(escalate, Map.of("reason", "Again"), token("LEGAL_MANAGER")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(jdbcTemplate.queryForObject("select count(*) from notifications where user_id = ? and type = ?",
                Long.class, tenant.userId("LEGAL_HEAD"), "contracts.approval-escalated")).isEqualTo(1);

        assertThat(post("/api/v1/approvals/" + legal + "/approve", Map.of(), token("LEGAL_MANAGER"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post("/api/v1/approvals/" + legal + "/request-revision", comment("Please change clause 9"),
                token("LEGAL_MANAGER")).getStatusCode().value()).isEqualTo(403);
        assertThat(post("/api/v1/approvals/" + legal + "/return", comment("Back"), token("LEGAL_MANAGER"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(status(contract)).isEqualTo("PENDING_LEGAL_HEAD");
        assertThat(get("/api/v1/approvals/pending?type=LEGAL", token("LEGAL_MANAGER")).getBody().toString())
                .doesNotContain(legal.toString());
        assertThat(get("/api/v1/approvals/pending?type=LEGAL", token("LEGAL_HEAD")).getBody().toString())
                .contains(legal.toString());

        JsonNode returned = post("/api/v1/approvals/" + legal + "/return", comment("Standard for cranes"),
                token("LEGAL_HEAD")).getBody();
        assertThat(returned.get("status").asString()).isEqualTo("PENDING");
        assertThat(status(contract)).isEqualTo("SENT_TO_LEGAL");
        assertThat(get("/api/v1/contracts/" + contract + "/approvals", token("USER")).getBody().toString())
                .as("the head's note is legal's, not the owner's").doesNotContain("Standard for cranes");
        assertThat(jdbcTemplate.queryForObject("select count(*) from notifications where user_id = ? and type = ? "
                + "and message like ?", Long.class, tenant.userId("LEGAL_MANAGER"), "contracts.approval-returned",
                "%Standard for cranes%")).isEqualTo(1);
        assertThat(post("/api/v1/approvals/" + legal + "/return", comment("Again"), token("LEGAL_HEAD"))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(get("/api/v1/approvals/pending?type=LEGAL", token("LEGAL_MANAGER")).getBody().toString())
                .contains(legal.toString());

        post(escalate, Map.of("reason", "Second opinion please"), token("LEGAL_MANAGER"));
        JsonNode approved = post("/api/v1/approvals/" + legal + "/approve", comment("Accepted"), token("LEGAL_HEAD"))
                .getBody();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(status(contract)).isEqualTo("APPROVED");

        String userFeed = get("/api/v1/contracts/" + contract + "/audit", token("USER")).getBody().toString();
        assertThat(userFeed).contains("approved").doesNotContain("Unlimited liability clause");
        assertThat(get("/api/v1/contracts/" + contract + "/audit", token("LEGAL_MANAGER")).getBody().toString())
                .contains("Unlimited liability clause");
        assertThat(get("/api/v1/contracts/" + contract + "/approvals", token("USER")).getBody().toString())
                .doesNotContain("Unlimited liability clause");
    }
}
