package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every list page reads {@code page} and {@code size} by the one rule of the web kit (Spring Data's
 * configured default, PageableLimits' checks) and renders the one pagination fragment.
 */
class ListPagesTest extends TenantPageTest {

    private static final List<String> LISTS = List.of("/admin/users", "/admin/organizations", "/documents",
            "/notifications", "/admin/outbox", "/admin/audit", "/admin/jobs/job-runs-purge");

    PageClient admin;

    @BeforeEach
    void setUp() {
        admin = signedIn("SUPER_ADMIN");
    }

    @Test
    void theUsersListPagesBySizeAndKeepsTheParametersInItsLinks() {
        Page first = admin.get("/admin/users?size=3");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Showing <strong>1</strong>–<strong>3</strong>",
                "href=\"/admin/users?page=1&amp;size=3\"", "class=\"pagination\"");

        Page second = admin.get("/admin/users?page=1&size=3");
        assertThat(second.body()).contains("Showing <strong>4</strong>–<strong>6</strong>", "rel=\"prev\"");

        Page standard = admin.get("/admin/users");
        assertThat(standard.body()).as("the configured default size, 20").contains("of <strong>")
                .doesNotContain("size=3");
    }

    @Test
    void everyListTakesTheSameParametersAndRefusesABrokenSort() {
        for (String list : LISTS) {
            Page small = admin.get(list + "?page=0&size=1");
            assertThat(small.status()).as(list).isEqualTo(200);
            assertThat(small.body()).as(list).doesNotContain("Exception");
            Page beyond = admin.get(list + "?page=5000&size=100");
            assertThat(beyond.status()).as(list).isEqualTo(200);
            assertThat(admin.get(list + "?sort=name;drop%20table").status()).as(list).isEqualTo(400);
        }
        // The sign-in wrote an audit entry: a page of one.
        assertThat(admin.get("/admin/audit?size=1").body()).contains("Showing <strong>1</strong>–<strong>1</strong>");
    }
}
