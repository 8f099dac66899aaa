package app.covenant.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The approval rounds of CLM.md "States" through the API: legal then (when required) finance, revision and
 * resubmission with the earlier round kept, rejection, the finance workflow flag, "approve with finance", and who is
 * told (the actual holders of the deciding permission, by e-mail and in the app).
 */
class ApprovalFlowTest extends ContractTestSupport {

    private UUID contract;

    @BeforeEach
    void draftByUser() {
        newTenant();
        contract = id(draft("USER", "Site security services"));
    }

    @Test
    void revisionThenResubmissionKeepsTheFirstRoundAndLegalApproves() {
        UUID legal2 = TestTenants.addUser(jdbcTemplate, tenant, "legal2@" + tenant.code().toLowerCase() + ".test",
                "LEGAL_MANAGER");
        UUID gone = TestTenants.addUser(jdbcTemplate, tenant, "legal3@" + tenant.code().toLowerCase() + ".test",
                "LEGAL_MANAGER");
        jdbcTemplate.update("update users set status = 'DEACTIVATED' where id = ?", gone);

        JsonNode submitted = post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER")).getBody();
        assertThat(submitted.get("status").asString()).isEqualTo("SENT_TO_LEGAL");
        assertThat(submitted.get("round").asInt()).isEqualTo(1);
        assertThat(told(tenant.userId("LEGAL_MANAGER"), "contracts.legal-review-needed")).isEqualTo(1);
        assertThat(told(legal2, "contracts.legal-review-needed")).as("the second legal manager").isEqualTo(1);
        assertThat(told(gone, "contracts.legal-review-needed")).as("a deactivated one").isZero();
        assertThat(told(tenant.userId("FINANCE_MANAGER"), "contracts.legal-review-needed")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivedFor(tenant.email("LEGAL_MANAGER")).isEmpty()
                && !receivedFor("legal2@" + tenant.code().toLowerCase() + ".test").isEmpty());
        assertThat(receivedFor("legal3@" + tenant.code().toLowerCase() + ".test")).isEmpty();

        UUID round1 = approval(contract, 1, "LEGAL");
        ResponseEntity<JsonNode> tooShort = post("/api/v1/approvals/" + round1 + "/request-revision",
                comment("Fix it"), token("LEGAL_MANAGER"));
        assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
        assertThat(tooShort.getBody().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        assertThat(status(contract)).as("nothing changed").isEqualTo("SENT_TO_LEGAL");

        JsonNode revision = post("/api/v1/approvals/" + round1 + "/request-revision",
                comment("Clause 4 needs a liability cap."), token("LEGAL_MANAGER")).getBody();
        assertThat(revision.get("status").asString()).isEqualTo("REVISION_REQUESTED");
        assertThat(revision.get("actorId").asString()).isEqualTo(tenant.userId("LEGAL_MANAGER").toString());
        assertThat(status(contract)).isEqualTo("REVISION_REQUESTED");
        assertThat(told(tenant.userId("USER"), "contracts.revision-requested")).isEqualTo(1);
        assertThat(post("/api/v1/approvals/" + round1 + "/approve", Map.of(), token("LEGAL_MANAGER"))
                .getStatusCode().value()).as("the round is over").isEqualTo(409);

        Map<String, Object> edit = new java.util.HashMap<>(createBody("Site security services"));
        edit.remove("templateId");
        edit.put("description", "Liability capped");
        assertThat(put("/api/v1/contracts/" + contract, edit, token("USER")).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER")).getBody()
                .get("round").asInt()).isEqualTo(2);

        JsonNode rounds = get("/api/v1/contracts/" + contract + "/approvals", token("USER")).getBody();
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).get("round").asInt()).isEqualTo(1);
        assertThat(rounds.get(0).get("status").asString()).isEqualTo("REVISION_REQUESTED");
        assertThat(rounds.get(0).get("comment").asString()).isEqualTo("Clause 4 needs a liability cap.");
        assertThat(rounds.get(1).get("round").asInt()).isEqualTo(2);
        assertThat(rounds.get(1).get("status").asString()).isEqualTo("PENDING");

        UUID round2 = approval(contract, 2, "LEGAL");
        JsonNode approved = post("/api/v1/approvals/" + round2 + "/approve", comment("Fine now"), token("LEGAL_MANAGER"))
                .getBody();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("contractStatus").asString()).isEqualTo("APPROVED");
        assertThat(told(tenant.userId("USER"), "contracts.contract-approved")).isEqualTo(1);
        JsonNode view = get("/api/v1/contracts/" + contract, token("USER")).getBody();
        assertThat(view.get("approvedAt").isNull()).isFalse();
        assertThat(view.get("submittedAt").isNull()).isFalse();
        assertThat(post("/api/v1/approvals/" + round2 + "/approve", Map.of(), token("LEGAL_MANAGER"))
                .getStatusCode().value()).as("decided once").isEqualTo(409);
        List<String> actions = actions();
        assertThat(actions).contains("created", "submitted", "revision-requested", "edited", "approved");
    }

    @Test
    void withTheFinanceWorkflowLegalDecidesFirstThenFinance() {
        financeWorkflow(true);
        post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER"));
        UUID legal = approval(contract, 1, "LEGAL");
        UUID finance = approval(contract, 1, "FINANCE");
        assertThat(post("/api/v1/approvals/" + finance + "/approve", Map.of(), token("FINANCE_MANAGER"))
                .getStatusCode().value()).as("legal first").isEqualTo(409);
        assertThat(queue("FINANCE", "FINANCE_MANAGER")).doesNotContain(finance.toString());
        assertThat(queue("LEGAL", "LEGAL_MANAGER")).contains(legal.toString());
        assertThat(post("/api/v1/approvals/" + legal + "/approve", Map.of(), token("FINANCE_MANAGER"))
                .getStatusCode().value()).as("finance does not decide legal's").isEqualTo(403);
        assertThat(post("/api/v1/approvals/" + legal + "/approve", Map.of(), token("LEGAL_MANAGER")).getBody()
                .get("contractStatus").asString()).isEqualTo("SENT_TO_FINANCE");
        assertThat(told(tenant.userId("FINANCE_MANAGER"), "contracts.finance-review-needed")).isEqualTo(1);
        assertThat(queue("FINANCE", "FINANCE_MANAGER")).contains(finance.toString());
        assertThat(queue("LEGAL", "LEGAL_MANAGER")).doesNotContain(legal.toString());
        assertThat(post("/api/v1/approvals/" + finance + "/approve", Map.of(), token("LEGAL_MANAGER"))
                .getStatusCode().value()).as("legal does not decide finance's").isEqualTo(403);
        assertThat(post("/api/v1/approvals/" + finance + "/approve", Map.of(), token("FINANCE_MANAGER")).getBody()
                .get("contractStatus").asString()).isEqualTo("APPROVED");
        assertThat(queue("FINANCE", "FINANCE_MANAGER")).doesNotContain(finance.toString());
    }

    @Test
    void withoutTheFlagLegalAloneApprovesUnlessItAsksForFinance() {
        financeWorkflow(false);
        post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER"));
        assertThat(jdbcTemplate.queryForObject("select count(*) from contract_approvals where contract_id = ?",
                Long.class, contract)).isEqualTo(1);
        UUID legal = approval(contract, 1, "LEGAL");
        JsonNode decided = post("/api/v1/approvals/" + legal + "/approve",
                Map.of("comment", "Finance should check the fee", "requireFinance", true), token("LEGAL_MANAGER"))
                .getBody();
        assertThat(decided.get("contractStatus").asString()).isEqualTo("SENT_TO_FINANCE");
        UUID finance = approval(contract, 1, "FINANCE");
        ResponseEntity<JsonNode> revision = post("/api/v1/approvals/" + finance + "/request-revision",
                comment("The fee is above budget."), token("FINANCE_MANAGER"));
        assertThat(revision.getBody().get("status").asString()).isEqualTo("REVISION_REQUESTED");
        assertThat(status(contract)).isEqualTo("REVISION_REQUESTED");

        newTenantContract();
        post("/api/v1/contracts/" + contract + "/submit", Map.of("target", "FINANCE"), token("USER"));
        assertThat(approval(contract, 1, "FINANCE")).as("the submitter asked for finance").isNotNull();
    }

    @Test
    void rejectionNeedsThePermissionAndACommentAndIsFinal() {
        post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER"));
        UUID legal = approval(contract, 1, "LEGAL");
        assertThat(post("/api/v1/approvals/" + legal + "/reject", comment("Not acceptable at all"),
                token("LEGAL_MANAGER")).getStatusCode().value()).as("approval:reject").isEqualTo(403);
        assertThat(post("/api/v1/approvals/" + legal + "/reject", comment("No"), token("LEGAL_HEAD"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(status(contract)).isEqualTo("SENT_TO_LEGAL");
        JsonNode rejected = post("/api/v1/approvals/" + legal + "/reject", comment("Counterparty is sanctioned."),
                token("LEGAL_HEAD")).getBody();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(status(contract)).isEqualTo("REJECTED");
        assertThat(told(tenant.userId("USER"), "contracts.contract-rejected")).isEqualTo(1);
        assertThat(post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(post("/api/v1/contracts/" + contract + "/cancel", Map.of("reason", "Try again please"),
                token("USER")).getStatusCode().value()).isEqualTo(409);
        Map<String, Object> edit = new java.util.HashMap<>(createBody("Again"));
        edit.remove("templateId");
        assertThat(put("/api/v1/contracts/" + contract, edit, token("USER")).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void whoMaySubmitCancelAndTerminate() {
        record Call(String role, String path, Map<String, Object> body, int expected) {
        }
        List<Call> calls = List.of(
                new Call("FINANCE_MANAGER", "/submit", Map.of(), 403),
                new Call("MANAGER", "/submit", Map.of(), 403),
                new Call("USER", "/terminate", Map.of("reason", "Ended"), 403),
                new Call("LEGAL_MANAGER", "/terminate", Map.of("reason", "Ended"), 409),
                new Call("FINANCE_MANAGER", "/cancel", Map.of("reason", "No longer needed"), 403),
                new Call("USER", "/cancel", Map.of(), 400),
                new Call("LEGAL_MANAGER", "/submit", Map.of(), 200),
                new Call("USER", "/submit", Map.of(), 409),
                new Call("USER", "/cancel", Map.of("reason", "No longer needed"), 200),
                new Call("USER", "/cancel", Map.of("reason", "No longer needed"), 409),
                new Call("LEGAL_MANAGER", "/submit", Map.of(), 409));
        for (Call call : calls) {
            assertThat(post("/api/v1/contracts/" + contract + call.path(), call.body(), token(call.role()))
                    .getStatusCode().value()).as("%s %s", call.role(), call.path()).isEqualTo(call.expected());
        }
        assertThat(status(contract)).isEqualTo("CANCELLED");
        JsonNode approvals = get("/api/v1/contracts/" + contract + "/approvals", token("USER")).getBody();
        assertThat(approvals.get(0).get("closedAt").isNull()).as("the open round closed").isFalse();
        assertThat(queue("LEGAL", "LEGAL_MANAGER")).doesNotContain(approvals.get(0).get("id").asString());
    }

    /** Four eyes: an administrator holds both approving permissions, yet gives only one of a round's approvals. */
    @Test
    void whoApprovedForLegalDoesNotAlsoApproveForFinance() {
        post("/api/v1/contracts/" + contract + "/submit", Map.of("target", "FINANCE"), token("USER"));
        assertThat(post("/api/v1/approvals/" + approval(contract, 1, "LEGAL") + "/approve", Map.of(), token("ADMIN"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(status(contract)).isEqualTo("SENT_TO_FINANCE");
        UUID finance = approval(contract, 1, "FINANCE");
        ResponseEntity<JsonNode> again = post("/api/v1/approvals/" + finance + "/approve", Map.of(), token("ADMIN"));
        assertThat(again.getStatusCode().value()).isEqualTo(403);
        assertThat(again.getBody().get("detail").asString()).contains("second person");
        assertThat(status(contract)).isEqualTo("SENT_TO_FINANCE");
        assertThat(post("/api/v1/approvals/" + finance + "/request-revision", comment("The budget line is wrong."),
                token("ADMIN")).getStatusCode().value()).as("sending back is not approving").isEqualTo(200);
        assertThat(status(contract)).isEqualTo("REVISION_REQUESTED");
    }

    @Test
    void theQueueIsAPageOldestFirstSortedOnlyByItsOwnFields() {
        UUID second = id(draft("USER", "Alpha cleaning services"));
        post("/api/v1/contracts/" + contract + "/submit", Map.of(), token("USER"));
        post("/api/v1/contracts/" + second + "/submit", Map.of(), token("USER"));
        String queue = "/api/v1/approvals/pending?type=LEGAL";

        JsonNode both = get(queue, token("LEGAL_MANAGER")).getBody();
        assertThat(both.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(both.get("page").get("size").asInt()).as("the default page size").isEqualTo(20);
        assertThat(both.get("content").get(0).get("createdAt").asString())
                .isLessThanOrEqualTo(both.get("content").get(1).get("createdAt").asString());
        assertThat(both.get("content").get(0).has("bodyHtml")).as("no contract body in a queue").isFalse();
        JsonNode first = get(queue + "&size=1", token("LEGAL_MANAGER")).getBody();
        JsonNode next = get(queue + "&size=1&page=1", token("LEGAL_MANAGER")).getBody();
        assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("content").get(0).get("id")).isEqualTo(both.get("content").get(0).get("id"));
        assertThat(next.get("content").get(0).get("id")).isEqualTo(both.get("content").get(1).get("id"));

        JsonNode byTitle = get(queue + "&sort=contractTitle,asc", token("LEGAL_MANAGER")).getBody();
        assertThat(byTitle.get("content").get(0).get("contractTitle").asString()).isEqualTo("Alpha cleaning services");
        assertThat(byTitle.get("content").get(0).get("contractStatus").asString()).isEqualTo("SENT_TO_LEGAL");
        ResponseEntity<JsonNode> secretColumn = get(queue + "&sort=comment", token("LEGAL_MANAGER"));
        assertThat(secretColumn.getStatusCode().value()).isEqualTo(400);
        assertThat(secretColumn.getBody().get("errors").get(0).get("field").asString()).isEqualTo("sort");

        assertThat(get("/api/v1/approvals/pending?type=FINANCE", token("LEGAL_MANAGER")).getStatusCode().value())
                .as("legal does not decide finance's queue").isEqualTo(403);
        assertThat(get("/api/v1/approvals/pending?type=FINANCE", token("FINANCE_MANAGER")).getBody().get("page")
                .get("totalElements").asLong()).as("both are still with legal").isZero();
        assertThat(get(queue, token("USER")).getStatusCode().value()).isEqualTo(403);
    }

    private void newTenantContract() {
        newTenant();
        contract = id(draft("USER", "Second"));
    }

    private String queue(String type, String role) {
        ResponseEntity<JsonNode> queue = get("/api/v1/approvals/pending?type=" + type, token(role));
        assertThat(queue.getStatusCode().value()).isEqualTo(200);
        return queue.getBody().toString();
    }

    private long told(UUID userId, String type) {
        return jdbcTemplate.queryForObject("select count(*) from notifications where user_id = ? and type = ? and "
                + "link = ?", Long.class, userId, type, "/contracts/" + contract);
    }

    private List<String> actions() {
        return jdbcTemplate.queryForList("select action from contract_activity where contract_id = ?", String.class,
                contract);
    }
}
