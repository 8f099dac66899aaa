package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.PageClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /contracts}: the API's visibility (a business user sees their own and what is shared with them, legal and
 * finance the organization's, nobody another organization's), the filters, the orders, the empty states and the
 * "New contract" button for those who may draft.
 */
class ContractListPagesTest extends ContractPagesTestSupport {

    @BeforeEach
    void tenant() {
        newTenant();
    }

    @Test
    void eachCallerSeesWhatTheApiShowsThem() {
        UUID mine = draftId("USER", "Steel supply 2027", "2027-12-31");
        String colleague = colleague("USER");
        UUID theirs = draftId(colleague, "Colleague's crane hire", "2027-12-31");

        String user = as("USER").get("/contracts").body();
        assertThat(user).contains(listed(mine)).contains("Steel supply 2027").contains("Acme Steel LLC")
                .contains("data-status=\"DRAFT\"").contains("USD 125,000.00").contains("2027-12-31")
                .contains("Test USER").contains("id=\"new-contract\"").doesNotContain(listed(theirs))
                .doesNotContain("style=\"").contains("href=\"/contracts\"");

        assertThat(api(colleague, "/api/v1/contracts/" + theirs + "/shares",
                Map.of("userId", tenant.userId("USER"))).getStatusCode().value()).isEqualTo(200);
        assertThat(as("USER").get("/contracts").body()).as("shared with them now").contains(listed(theirs));

        String legal = as("LEGAL_MANAGER").get("/contracts").body();
        assertThat(legal).contains(listed(mine)).contains(listed(theirs)).contains("id=\"new-contract\"");
        String finance = as("FINANCE_MANAGER").get("/contracts").body();
        assertThat(finance).contains(listed(mine)).contains(listed(theirs)).as("finance does not draft")
                .doesNotContain("id=\"new-contract\"");

        String other = asAnotherOrganization("ADMIN").get("/contracts").body();
        assertThat(other).doesNotContain(listed(mine)).doesNotContain(listed(theirs)).contains("No contracts yet");

        assertThat(as("MANAGER").get("/contracts").statusCode()).as("no contract:read").isEqualTo(403);
        assertThat(as("MANAGER").get("/").body()).doesNotContain("href=\"/contracts\"");
    }

    @Test
    void theFiltersNarrowTheListAndTheOrderIsKeptInThePagination() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        UUID soon = draftId("USER", "Ends soon", today.plusDays(10).toString());
        UUID later = draftId("USER", "Ends later", today.plusDays(200).toString());
        UUID legals = draftId("LEGAL_MANAGER", "Legal's own draft", "2027-12-31");
        PageClient legal = as("LEGAL_MANAGER");

        assertThat(legal.get("/contracts?expiring=30").body()).contains(listed(soon)).doesNotContain(listed(later));
        assertThat(legal.get("/contracts?q=later").body()).contains(listed(later)).doesNotContain(listed(soon));
        String reference = jdbcTemplate.queryForObject("select reference from contracts where id = ?", String.class, soon);
        assertThat(legal.get("/contracts?q=" + reference).body()).contains(listed(soon)).doesNotContain(listed(later));
        assertThat(legal.get("/contracts?owner=me").body()).contains(listed(legals)).doesNotContain(listed(soon));
        assertThat(legal.get("/contracts?template=" + templateId).body()).contains(listed(soon)).contains(listed(later));
        assertThat(legal.get("/contracts?template=" + UUID.randomUUID()).body()).doesNotContain(listed(soon))
                .contains("No contracts match these filters");
        assertThat(legal.get("/contracts?status=DRAFT").body()).contains(listed(soon)).contains(listed(legals));
        assertThat(legal.get("/contracts?status=APPROVED").body()).doesNotContain(listed(soon))
                .contains("No contracts match these filters").contains("href=\"/contracts\"");
        assertThat(legal.get("/contracts?status=NOPE").statusCode()).isEqualTo(400);

        String byTitle = legal.get("/contracts?order=title").body();
        assertThat(byTitle.indexOf(listed(later))).as("Ends later, Ends soon, Legal's…")
                .isLessThan(byTitle.indexOf(listed(soon)));
        assertThat(byTitle.indexOf(listed(soon))).isLessThan(byTitle.indexOf(listed(legals)));
        String ending = legal.get("/contracts?order=ending&size=1").body();
        assertThat(ending).contains(listed(soon)).doesNotContain(listed(later))
                .contains("/contracts?order=ending&amp;page=1&amp;size=1");
    }

    @Test
    void anEmptyListSaysWhatToDoNext() {
        assertThat(as("USER").get("/contracts").body()).contains("No contracts yet")
                .contains("href=\"/contracts/new\"");
        assertThat(as("FINANCE_MANAGER").get("/contracts").body()).contains("No contracts to show")
                .doesNotContain("href=\"/contracts/new\"");
    }
}
