package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approval queues (issue 14 "Pages"): a tab per queue the caller decides with its count, quick approve, request
 * revision and reject posting back to the queue (a refusal shown there), the "Approvals" link for approvers only, and
 * nothing of another organization.
 */
class ApprovalQueuePagesTest extends ContractPagesTestSupport {

    private static final String QUEUES = "/contracts/approvals";

    private UUID first;
    private UUID second;

    @BeforeEach
    void twoSubmittedContracts() {
        newTenant();
        first = draftId("USER", "Scaffolding rental");
        second = draftId("USER", "Crane hire");
        submit(first, "USER");
        submit(second, "USER");
    }

    @Test
    void eachApproverSeesTheQueuesTheyDecideWithCounts() {
        String legal = as("LEGAL_MANAGER").get(QUEUES).body();
        assertThat(legal).contains("data-queue=\"LEGAL\"").contains("data-queue-tab=\"LEGAL\"")
                .doesNotContain("data-queue-tab=\"FINANCE\"").doesNotContain("data-queue-tab=\"ESCALATED\"")
                .contains("data-count=\"2\"").contains("Scaffolding rental").contains("Crane hire")
                .contains("data-approval=\"" + approval(first, 1, "LEGAL") + "\"").contains("data-quick-approve")
                .contains("id=\"decision-dialog\"").contains("/js/contract-detail.js").doesNotContain("style=\"")
                .doesNotContain("Nothing waiting");
        assertThat(legal).as("legal managers do not reject").doesNotContain(">Reject</button>");

        String head = as("LEGAL_HEAD").get(QUEUES).body();
        assertThat(head).contains("data-queue-tab=\"LEGAL\"").contains("data-queue-tab=\"ESCALATED\"")
                .contains(">Reject</button>");
        String admin = as("ADMIN").get(QUEUES + "?type=FINANCE").body();
        assertThat(admin).contains("data-queue=\"FINANCE\"").contains("data-queue-tab=\"LEGAL\"")
                .contains("data-queue-tab=\"ESCALATED\"").contains("Nothing waiting");

        assertThat(as("FINANCE_MANAGER").get(QUEUES).body()).contains("data-queue=\"FINANCE\"")
                .doesNotContain("data-queue-tab=\"LEGAL\"").contains("Nothing waiting");
        assertThat(as("FINANCE_MANAGER").get(QUEUES + "?type=LEGAL").statusCode()).isEqualTo(403);
        assertThat(as("LEGAL_MANAGER").get(QUEUES + "?type=NOPE").statusCode()).isEqualTo(400);
        assertThat(as("USER").get(QUEUES).statusCode()).isEqualTo(403);

        assertThat(as("LEGAL_MANAGER").get("/").body()).contains("href=\"/contracts/approvals\"");
        assertThat(as("FINANCE_MANAGER").get("/").body()).contains("href=\"/contracts/approvals\"");
        assertThat(as("USER").get("/").body()).doesNotContain("href=\"/contracts/approvals\"");
        assertThat(asAnotherOrganization("LEGAL_MANAGER").get(QUEUES).body()).doesNotContain("Scaffolding rental")
                .contains("Nothing waiting");
    }

    @Test
    void aLongQueueIsPagedWithTheOtherQueuesStillCounted() {
        String page1 = as("LEGAL_HEAD").get(QUEUES + "?type=LEGAL&size=1").body();
        assertThat(page1).contains("class=\"pagination\"").contains("rel=\"next\"")
                .contains("href=\"/contracts/approvals?type=LEGAL&amp;page=1&amp;size=1\"")
                .contains("data-count=\"2\"").contains("data-count=\"0\"").contains("Scaffolding rental")
                .doesNotContain("Crane hire");
        assertThat(as("LEGAL_HEAD").get(QUEUES + "?type=LEGAL&size=1&page=1").body()).contains("Crane hire")
                .doesNotContain("Scaffolding rental").contains("rel=\"prev\"");
    }

    @Test
    void quickDecisionsComeBackToTheQueue() {
        financeWorkflow(true);
        UUID third = draftId("USER", "Fencing");
        submit(third, "USER");

        HttpResponse<String> approved = as("LEGAL_MANAGER").post(QUEUES, "/contracts/" + third + "/approve", List.of(
                new String[] {"approval", approval(third, 1, "LEGAL").toString()}, new String[] {"back", "queue"},
                new String[] {"type", "LEGAL"}));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(location(approved)).endsWith(QUEUES + "?type=LEGAL&done=approval-given");
        assertThat(status(third)).isEqualTo("SENT_TO_FINANCE");
        String finance = as("FINANCE_MANAGER").get(QUEUES).body();
        assertThat(finance).contains("Fencing").contains("data-count=\"1\"");

        HttpResponse<String> tooShort = as("FINANCE_MANAGER").post(QUEUES, "/contracts/" + third
                + "/request-revision", List.of(new String[] {"approval", approval(third, 1, "FINANCE").toString()},
                new String[] {"back", "queue"}, new String[] {"type", "FINANCE"}, new String[] {"comment", "No"}));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Comment must be at least 10 characters.")
                .contains("data-queue=\"FINANCE\"").contains("Fencing");
        assertThat(status(third)).isEqualTo("SENT_TO_FINANCE");

        HttpResponse<String> sentBack = as("FINANCE_MANAGER").post(QUEUES, "/contracts/" + third
                + "/request-revision", List.of(new String[] {"approval", approval(third, 1, "FINANCE").toString()},
                new String[] {"back", "queue"}, new String[] {"type", "FINANCE"},
                new String[] {"comment", "The amount exceeds the budget line."}));
        assertThat(location(sentBack)).endsWith(QUEUES + "?type=FINANCE&done=approval-revision-requested");
        assertThat(status(third)).isEqualTo("REVISION_REQUESTED");
        assertThat(as("FINANCE_MANAGER").get(QUEUES + "?done=approval-revision-requested").body())
                .contains("The contract went back to its owner").doesNotContain("Fencing");

        HttpResponse<String> rejected = as("LEGAL_HEAD").post(QUEUES, "/contracts/" + first + "/reject", List.of(
                new String[] {"approval", approval(first, 1, "LEGAL").toString()}, new String[] {"back", "queue"},
                new String[] {"type", "LEGAL"}, new String[] {"comment", "We already rent scaffolding."}));
        assertThat(location(rejected)).endsWith(QUEUES + "?type=LEGAL&done=contract-rejected");
        assertThat(status(first)).isEqualTo("REJECTED");

        api("LEGAL_MANAGER", "/api/v1/approvals/contracts/" + second + "/escalate",
                java.util.Map.of("reason", "Big crane, big risk"));
        assertThat(status(second)).isEqualTo("PENDING_LEGAL_HEAD");
        assertThat(as("LEGAL_MANAGER").get(QUEUES).body()).doesNotContain("Crane hire");
        assertThat(as("LEGAL_HEAD").get(QUEUES + "?type=ESCALATED").body()).contains("Crane hire")
                .contains("data-queue=\"ESCALATED\"");
    }
}
