package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The version compare view (issue 14 "Versions"): the changed fields, the word-level diff of body and annexures as
 * insertions and deletions with their counts, the pickers, and 404 for whoever does not see the contract.
 */
class VersionComparePagesTest extends ContractPagesTestSupport {

    private UUID contract;
    private String compare;

    @BeforeEach
    void twoVersions() {
        newTenant();
        contract = draftId("USER", "Catering services");
        compare = "/contracts/" + contract + "/compare";
        edit(contract, "USER", Map.of("title", "Catering services 2027", "amount", "130000.00",
                "bodyHtml", "<p>Hot meals for Acme Steel from January.</p>",
                "annexures", List.of(Map.of("title", "Scope", "html", "<p>Scope: lunch and dinner</p>"))));
    }

    @Test
    void showsChangedFieldsAndTheWordDiffWithCounts() {
        String page = as("USER").get(compare + "?from=1&to=2").body();
        assertThat(page).contains("data-from=\"1\"").contains("data-to=\"2\"").contains("Changed fields")
                .contains("Catering services 2027").contains("130000").contains("<ins>").contains("<del>")
                .contains("Hot meals").contains("id=\"compare-inserted\"").contains("id=\"compare-deleted\"")
                .contains("data-annexure=\"1\"").contains("data-annexure-status=\"CHANGED\"")
                .contains("lunch and dinner").doesNotContain("style=\"");
        assertThat(count(page, "compare-inserted")).isPositive();
        assertThat(count(page, "compare-deleted")).isPositive();

        assertThat(as("USER").get(compare).body()).as("the current version against the one before")
                .contains("data-from=\"1\"").contains("data-to=\"2\"");
        assertThat(as("USER").get(compare + "?from=2&to=2").body()).contains("Pick two different versions");
        assertThat(as("LEGAL_MANAGER").get(compare + "?from=2&to=1").statusCode()).isEqualTo(200);
        assertThat(as("USER").get(compare + "?from=x").statusCode()).isEqualTo(400);
        assertThat(as("USER").get(compare + "?from=1&to=9").statusCode()).isEqualTo(404);
    }

    @Test
    void anAnnexureInsertedAtTheFrontLeavesTheOthersUnchangedAndARemovedOneKeepsItsOldNumber() {
        edit(contract, "USER", Map.of("annexures", List.of(
                Map.of("title", "Definitions", "html", "<p>Terms used here.</p>"),
                Map.of("title", "Scope", "html", "<p>Scope: lunch and dinner</p>"))));

        String inserted = as("USER").get(compare + "?from=2&to=3").body();
        assertThat(inserted).contains("data-annexure=\"1\" data-annexure-status=\"ADDED\"")
                .contains("Annexure 1: Definitions")
                .contains("data-annexure=\"2\" data-annexure-status=\"UNCHANGED\"").contains("Annexure 2: Scope")
                .doesNotContain("data-annexure-status=\"CHANGED\"").doesNotContain("data-annexure-status=\"REMOVED\"");

        String removed = as("USER").get(compare + "?from=3&to=2").body();
        assertThat(removed).contains("data-annexure=\"1\" data-annexure-status=\"REMOVED\"")
                .contains("Annexure 1 of version 3: Definitions")
                .contains("data-annexure=\"1\" data-annexure-status=\"UNCHANGED\"").contains("Annexure 1: Scope");
    }

    @Test
    void whoeverDoesNotSeeTheContractGets404() {
        String colleague = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + tenant.code().toLowerCase() + ".test";
        TestTenants.addUser(jdbcTemplate, tenant, colleague, "USER");
        assertThat(as(colleague).get(compare).statusCode()).isEqualTo(404);
        assertThat(asAnotherOrganization("ADMIN").get(compare + "?from=1&to=2").statusCode()).isEqualTo(404);
    }

    private static int count(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\">");
        String rest = page.substring(at + id.length() + 6);
        return Integer.parseInt(rest.substring(0, rest.indexOf('<')).strip());
    }
}
