package app.covenant.contracts.pages;

import static app.covenant.contracts.paper.TextPdfs.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.shared.security.Caller;
import app.covenant.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract's page (issue 14 "Pages"): who sees it (owner, a member it is shared with, legal; another user and
 * another organization get the 404 page), its tabs, the actions each role is shown in each state, each action's form
 * and the service's message when one is refused.
 */
class ContractDetailPagesTest extends ContractPagesTestSupport {

    @Autowired
    Contracts contracts;

    private UUID contract;
    private String page;

    @BeforeEach
    void draftByUser() {
        newTenant();
        contract = draftId("USER", "Site security services");
        page = "/contracts/" + contract;
    }

    @Test
    void theOwnerSharedMembersAndLegalSeeItOthersGet404() {
        String owner = as("USER").get(page).body();
        assertThat(owner).contains("Site security services").contains("id=\"contract-reference\"")
                .contains(tenant.code() + "-").contains("data-status=\"DRAFT\"").contains("Acme Steel LLC")
                .contains("buyer@acme.test").contains("Test USER").contains("125000.00 USD")
                .contains("Renews automatically every 12 months").contains("notice 30 days")
                .contains("/js/contract-detail.js").doesNotContain("style=\"");
        for (String tab : new String[] {"overview", "document", "approvals", "versions", "activity"}) {
            HttpResponse<String> shown = as("USER").get(page + "?tab=" + tab);
            assertThat(shown.statusCode()).as(tab).isEqualTo(200);
            assertThat(shown.body()).contains("data-tab=\"" + tab + "\"").contains("aria-current=\"page\"");
        }
        String document = as("USER").get(page + "?tab=document").body();
        assertThat(document).contains("Services for Acme &lt;Steel&gt; &amp; Co").contains("Scope: Everything")
                .contains("Annexure 1: Scope").doesNotContain("<script>alert(1)</script>");

        String colleague = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + tenant.code().toLowerCase() + ".test";
        UUID colleagueId = TestTenants.addUser(jdbcTemplate, tenant, colleague, "USER");
        assertThat(as(colleague).get(page).statusCode()).as("a colleague it is not shared with").isEqualTo(404);

        HttpResponse<String> shared = postForm("USER", contract, "share", "member", colleagueId.toString(),
                "tab", "overview");
        assertThat(shared.statusCode()).isEqualTo(302);
        assertThat(location(shared)).endsWith(page + "?tab=overview&done=contract-shared");
        assertThat(as("USER").get(page + "?tab=overview&done=contract-shared").body())
                .contains("The contract is now shared.").contains("id=\"contract-shared-with\"");
        assertThat(as(colleague).get(page).statusCode()).as("shared with them now").isEqualTo(200);
        assertThat(as(colleague).get(page).body()).as("a member it is shared with does not act on it")
                .doesNotContain("id=\"contract-submit\"").doesNotContain("id=\"contract-cancel\"");

        assertThat(as("LEGAL_MANAGER").get(page).statusCode()).isEqualTo(200);
        assertThat(as("FINANCE_MANAGER").get(page).statusCode()).isEqualTo(200);
        assertThat(asAnotherOrganization("LEGAL_MANAGER").get(page).statusCode()).isEqualTo(404);
        assertThat(asAnotherOrganization("ADMIN").get(page + "?tab=versions").statusCode()).isEqualTo(404);
        assertThat(as("USER").get("/contracts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void eachRoleIsShownTheActionsOfTheState() {
        assertThat(as("USER").get(page + "?tab=approvals").body()).contains("Not submitted yet");
        String owner = as("USER").get(page).body();
        assertThat(owner).contains("id=\"contract-submit\"").contains("id=\"contract-edit\"")
                .contains("href=\"/contracts/" + contract + "/edit\"").contains("id=\"contract-cancel\"")
                .contains("id=\"contract-share\"").doesNotContain("id=\"contract-approve\"")
                .doesNotContain("id=\"contract-escalate\"");
        assertThat(as("FINANCE_MANAGER").get(page).body()).doesNotContain("id=\"contract-submit\"")
                .doesNotContain("id=\"contract-edit\"").doesNotContain("id=\"contract-cancel\"");

        HttpResponse<String> submitted = postForm("USER", contract, "submit", "tab", "overview");
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(location(submitted)).endsWith(page + "?tab=overview&done=submitted-for-approval");
        assertThat(status(contract)).isEqualTo("SENT_TO_LEGAL");
        assertThat(as("USER").get(page + "?done=submitted-for-approval").body())
                .contains("The contract was submitted").contains("data-status=\"SENT_TO_LEGAL\"")
                .doesNotContain("id=\"contract-submit\"").doesNotContain("id=\"contract-edit\"")
                .doesNotContain("id=\"contract-approve\"").contains("id=\"contract-cancel\"");

        String legal = as("LEGAL_MANAGER").get(page).body();
        assertThat(legal).contains("id=\"contract-approve\"").contains("id=\"contract-approve-finance\"")
                .contains("id=\"contract-request-revision\"").contains("id=\"contract-escalate\"")
                .contains("value=\"" + approval(contract, 1, "LEGAL") + "\"")
                .doesNotContain("id=\"contract-reject\"").doesNotContain("id=\"contract-return\"")
                .doesNotContain("id=\"contract-submit\"");
        assertThat(as("LEGAL_HEAD").get(page).body()).contains("id=\"contract-approve\"")
                .contains("id=\"contract-reject\"").contains("id=\"contract-escalate\"");
        assertThat(as("FINANCE_MANAGER").get(page).body()).doesNotContain("id=\"contract-approve\"")
                .doesNotContain("id=\"contract-request-revision\"");

        assertThat(postForm("LEGAL_MANAGER", contract, "escalate", "reason", "Unusual indemnity clause")
                .statusCode()).isEqualTo(302);
        assertThat(status(contract)).isEqualTo("PENDING_LEGAL_HEAD");
        assertThat(as("LEGAL_MANAGER").get(page).body()).as("escalated: only the head of legal decides")
                .doesNotContain("id=\"contract-approve\"").doesNotContain("id=\"contract-escalate\"");
        String head = as("LEGAL_HEAD").get(page).body();
        assertThat(head).contains("id=\"contract-approve\"").contains("id=\"contract-return\"")
                .contains("id=\"contract-reject\"").contains("escalated to the head of legal");
        assertThat(as("LEGAL_HEAD").get(page + "?tab=approvals").body()).contains("Unusual indemnity clause");

        assertThat(postForm("LEGAL_HEAD", contract, "return", "approval", approval(contract, 1, "LEGAL").toString(),
                "comment", "Yours to decide").statusCode()).isEqualTo(302);
        assertThat(status(contract)).isEqualTo("SENT_TO_LEGAL");

        HttpResponse<String> withFinance = postForm("LEGAL_MANAGER", contract, "approve", "approval",
                approval(contract, 1, "LEGAL").toString(), "finance", "true", "tab", "approvals");
        assertThat(location(withFinance)).endsWith(page + "?tab=approvals&done=approval-given");
        assertThat(status(contract)).isEqualTo("SENT_TO_FINANCE");
        assertThat(as("FINANCE_MANAGER").get(page).body()).contains("id=\"contract-approve\"")
                .contains("id=\"contract-request-revision\"").doesNotContain("id=\"contract-approve-finance\"")
                .doesNotContain("id=\"contract-escalate\"");
        assertThat(as("LEGAL_MANAGER").get(page).body()).doesNotContain("id=\"contract-approve\"");

        assertThat(postForm("FINANCE_MANAGER", contract, "approve", "approval",
                approval(contract, 1, "FINANCE").toString()).statusCode()).isEqualTo(302);
        assertThat(status(contract)).isEqualTo("APPROVED");
        String approved = as("USER").get(page + "?tab=approvals").body();
        assertThat(approved).doesNotContain("Not submitted yet");
        assertThat(approved).contains("data-status=\"APPROVED\"").contains("Test LEGAL_MANAGER")
                .contains("Test FINANCE_MANAGER").contains("data-round=\"1\"")
                .doesNotContain("id=\"contract-submit\"").doesNotContain("id=\"contract-edit\"");
        assertThat(as("USER").get(page + "?tab=activity").body()).contains("data-action=\"approved\"")
                .contains("data-action=\"submitted\"");
    }

    @Test
    void whoApprovedForLegalIsNotOfferedTheFinanceApproval() {
        post("/api/v1/contracts/" + contract + "/submit", Map.of("target", "FINANCE"), token("USER"));
        assertThat(postForm("ADMIN", contract, "approve", "approval", approval(contract, 1, "LEGAL").toString())
                .statusCode()).isEqualTo(302);
        assertThat(status(contract)).isEqualTo("SENT_TO_FINANCE");
        assertThat(as("ADMIN").get(page).body()).doesNotContain("id=\"contract-approve\"")
                .contains("id=\"contract-request-revision\"");
        assertThat(as("FINANCE_MANAGER").get(page).body()).contains("id=\"contract-approve\"");
    }

    @Test
    void aRefusedActionShowsTheServicesMessageAndChangesNothing() {
        submit(contract, "USER");
        UUID legal = approval(contract, 1, "LEGAL");

        HttpResponse<String> tooShort = postForm("LEGAL_MANAGER", contract, "request-revision", "approval",
                legal.toString(), "comment", "Fix it", "tab", "approvals");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Comment must be at least 10 characters.")
                .contains("data-tab=\"approvals\"").contains("id=\"contract-request-revision\"");
        assertThat(status(contract)).isEqualTo("SENT_TO_LEGAL");

        HttpResponse<String> revision = postForm("LEGAL_MANAGER", contract, "request-revision", "approval",
                legal.toString(), "comment", "Clause 4 needs a liability cap.", "tab", "approvals");
        assertThat(location(revision)).endsWith(page + "?tab=approvals&done=approval-revision-requested");
        assertThat(status(contract)).isEqualTo("REVISION_REQUESTED");

        HttpResponse<String> stale = postForm("LEGAL_MANAGER", contract, "approve", "approval", legal.toString());
        assertThat(stale.statusCode()).as("the round is over").isEqualTo(409);
        assertThat(stale.body()).contains("it cannot be decided now").contains("data-status=\"REVISION_REQUESTED\"");

        assertThat(postForm("USER", contract, "approve", "approval", legal.toString()).statusCode())
                .as("a business user decides nothing").isEqualTo(403);
        assertThat(postForm("LEGAL_MANAGER", contract, "approve", "approval", "not-an-id").statusCode())
                .isEqualTo(400);

        HttpResponse<String> noReason = postForm("USER", contract, "cancel", "reason", " ");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Reason must not be blank.");
        assertThat(status(contract)).isEqualTo("REVISION_REQUESTED");

        // The owner edits and resubmits: round 2 opens, round 1 stays in the history with its comment.
        edit(contract, "USER", Map.of("description", "Liability capped at the contract amount"));
        assertThat(postForm("USER", contract, "submit").statusCode()).isEqualTo(302);
        String rounds = as("USER").get(page + "?tab=approvals").body();
        assertThat(rounds).contains("data-round=\"1\"").contains("data-round=\"2\"")
                .contains("Clause 4 needs a liability cap.").contains("data-approval-status=\"REVISION_REQUESTED\"")
                .contains("data-approval-status=\"PENDING\"");

        HttpResponse<String> rejected = postForm("LEGAL_HEAD", contract, "reject", "approval",
                approval(contract, 2, "LEGAL").toString(), "comment", "We do not buy security services.");
        assertThat(location(rejected)).endsWith(page + "?done=contract-rejected");
        assertThat(status(contract)).isEqualTo("REJECTED");
        assertThat(as("USER").get(page).body()).doesNotContain("id=\"contract-cancel\"")
                .doesNotContain("id=\"contract-submit\"");

        UUID other = draftId("USER", "Window cleaning");
        assertThat(postForm("USER", other, "cancel", "reason", "Not needed any more").statusCode()).isEqualTo(302);
        assertThat(status(other)).isEqualTo("CANCELLED");
        assertThat(as("USER").get("/contracts/" + other + "?done=contract-cancelled").body())
                .contains("The contract was cancelled.").contains("Not needed any more");
    }

    @Test
    void versionsListAndRestoreWhereEditingIsAllowed() {
        edit(contract, "USER", Map.of("title", "Site security services 2027"));
        String versions = as("USER").get(page + "?tab=versions").body();
        assertThat(versions).contains("data-version=\"1\"").contains("data-version=\"2\"").contains("2 (current)")
                .contains("data-restore=\"1\"").doesNotContain("data-restore=\"2\"")
                .contains("/contracts/" + contract + "/compare?from=1&amp;to=2").contains("title");
        assertThat(as("FINANCE_MANAGER").get(page + "?tab=versions").body()).doesNotContain("data-restore=");

        HttpResponse<String> restored = as("USER").post(page + "?tab=versions", page + "/restore",
                java.util.List.<String[]>of(new String[] {"number", "1"}));
        assertThat(location(restored)).endsWith(page + "?tab=versions&done=version-restored");
        assertThat(as("USER").get(page + "?tab=versions").body()).contains("data-version=\"3\"")
                .contains("from version 1").contains("Site security services");

        submit(contract, "USER");
        assertThat(as("USER").get(page + "?tab=versions").body()).as("not editable while in review")
                .doesNotContain("data-restore=");
        HttpResponse<String> late = as("USER").post(page, page + "/restore",
                java.util.List.<String[]>of(new String[] {"number", "1"}));
        assertThat(late.statusCode()).isEqualTo(409);
    }

    @Test
    void uploadedPaperShowsItsDownloadAndTheExtractedText() throws IOException {
        Caller legal = new Caller(tenant.userId("LEGAL_MANAGER"), tenant.email("LEGAL_MANAGER"), "Test LEGAL_MANAGER",
                tenant.organizationId(), Set.of("LEGAL_MANAGER"), Set.of(ContractPermissions.READ_ALL,
                ContractPermissions.CREATE, ContractPermissions.UPLOAD), null);
        ContractView paper = contracts.createFromPaper(legal, new ContractDetails("Supplier's terms", "Beam Supply",
                null, null, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30), "900.00", "USD", null, false, null,
                null), "terms.pdf", new ByteArrayInputStream(pdf("Supplier terms: delivery within ten days")));
        String document = as("LEGAL_MANAGER").get("/contracts/" + paper.id() + "?tab=document").body();
        assertThat(document).contains("id=\"contract-paper-download\"")
                .contains("/api/v1/documents/" + paper.documentId() + "/content?disposition=attachment")
                .contains("was extracted from the file").contains("delivery within ten days");
        HttpResponse<String> download = as("LEGAL_MANAGER").get("/api/v1/documents/" + paper.documentId()
                + "/content?disposition=attachment");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(as("USER").get("/contracts/" + paper.id()).statusCode()).as("not the user's").isEqualTo(404);
    }

}
