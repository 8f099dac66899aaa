package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contracts' home cards: "waiting for my approval" per queue the caller decides (legal, escalated to the head of
 * legal, finance), with the count of that queue, and the owner's "drafts sent back for revision"; none for a caller
 * without the permission, none of another organization's.
 */
class ContractHomeCardsTest extends ContractPagesTestSupport {

    private static final String LEGAL = "/contracts/approvals?type=LEGAL";
    private static final String ESCALATED = "/contracts/approvals?type=ESCALATED";
    private static final String FINANCE = "/contracts/approvals?type=FINANCE";
    private static final String SENT_BACK = "/contracts?status=REVISION_REQUESTED&amp;owner=me";

    @BeforeEach
    void tenant() {
        newTenant();
    }

    @Test
    void legalFinanceAndTheHeadOfLegalSeeTheirQueuesCounted() {
        UUID first = submitted("First for review");
        submitted("Second for review");
        assertThat(count(home("LEGAL_MANAGER"), LEGAL)).isEqualTo(2);
        assertThat(count(home("LEGAL_HEAD"), LEGAL)).isEqualTo(2);
        assertThat(home("LEGAL_MANAGER")).doesNotContain(ESCALATED).doesNotContain(FINANCE);
        assertThat(home("FINANCE_MANAGER")).doesNotContain(FINANCE).doesNotContain(LEGAL);
        assertThat(home("USER")).doesNotContain(LEGAL);
        assertThat(home("MANAGER")).as("no contract permission").doesNotContain("/contracts/approvals")
                .doesNotContain("/contracts?status");

        assertThat(api("LEGAL_MANAGER", "/api/v1/approvals/contracts/" + first + "/escalate",
                Map.of("reason", "Unusual indemnity")).getStatusCode().value()).isEqualTo(200);
        assertThat(count(home("LEGAL_HEAD"), ESCALATED)).isEqualTo(1);
        assertThat(count(home("LEGAL_MANAGER"), LEGAL)).isEqualTo(1);
        assertThat(home("LEGAL_MANAGER")).doesNotContain(ESCALATED);

        assertThat(api("LEGAL_HEAD", "/api/v1/approvals/" + approval(first, "LEGAL") + "/approve",
                Map.of("comment", "Fine with finance", "requireFinance", true)).getStatusCode().value()).isEqualTo(200);
        assertThat(status(first)).isEqualTo("SENT_TO_FINANCE");
        assertThat(count(home("FINANCE_MANAGER"), FINANCE)).isEqualTo(1);
        assertThat(home("LEGAL_HEAD")).doesNotContain(ESCALATED);

        String stranger = asAnotherOrganization("LEGAL_MANAGER").get("/").body();
        assertThat(stranger).as("another organization's queue").doesNotContain(LEGAL);
    }

    @Test
    void theOwnerSeesTheirDraftsSentBackForRevision() {
        UUID id = submitted("Sent back");
        assertThat(home("USER")).doesNotContain(SENT_BACK);
        assertThat(api("LEGAL_MANAGER", "/api/v1/approvals/" + approval(id, "LEGAL") + "/request-revision",
                Map.of("comment", "Please add the delivery schedule.")).getStatusCode().value()).isEqualTo(200);

        String user = home("USER");
        assertThat(count(user, SENT_BACK)).isEqualTo(1);
        assertThat(user).contains("My drafts sent back for revision");
        assertThat(home("LEGAL_MANAGER")).as("not their draft").doesNotContain(SENT_BACK).doesNotContain(LEGAL);
        assertThat(home(colleague("USER"))).doesNotContain(SENT_BACK);
    }

    private UUID submitted(String title) {
        UUID id = draftId("USER", title, "2027-12-31");
        assertThat(api("USER", "/api/v1/contracts/" + id + "/submit", null).getStatusCode().value()).isEqualTo(200);
        return id;
    }

    private String home(String roleOrEmail) {
        return as(roleOrEmail).get("/").body();
    }

    /** The count on the card linking to {@code href}. */
    private static long count(String home, String href) {
        Matcher card = Pattern.compile("data-home-card=\"" + Pattern.quote(href) + "\"[^>]*>.*?data-count>(\\d+)<",
                Pattern.DOTALL).matcher(home);
        assertThat(card.find()).as("a card linking to " + href).isTrue();
        return Long.parseLong(card.group(1));
    }
}
