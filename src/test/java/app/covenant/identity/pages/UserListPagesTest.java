package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/** The users list: role and status filters with the search and pages, read-only rows, an action menu, PRG. */
class UserListPagesTest extends TenantPageTest {

    @Autowired
    TestRestTemplate http;

    PageClient admin;
    String invitee;

    @BeforeEach
    void setUp() {
        admin = signedIn("ADMIN");
        invitee = "pending-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", invitee, "name", "Penny Pending",
                "roleCode", "MANAGER"));
    }

    @Test
    void theStatusFilterShowsInvitationsNotAcceptedYet() {
        Page pending = admin.get("/admin/users?status=PENDING");

        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body()).contains("Penny Pending").containsPattern("<option value=\"PENDING\"\\s+selected")
                .doesNotContain(tenant.email("USER"), tenant.email("BROKER"));
        assertThat(admin.get("/admin/users?status=ACTIVE").body()).contains(tenant.email("USER"))
                .doesNotContain("Penny Pending");
    }

    @Test
    void theRoleFilterCombinesWithStatusSearchAndPages() {
        assertThat(admin.get("/admin/users?role=MANAGER").body()).contains(tenant.email("MANAGER"), "Penny Pending")
                .doesNotContain(tenant.email("USER"));
        assertThat(admin.get("/admin/users?role=MANAGER&status=ACTIVE").body()).contains(tenant.email("MANAGER"))
                .doesNotContain("Penny Pending");
        assertThat(admin.get("/admin/users?role=MANAGER&q=penny").body()).contains("Penny Pending")
                .doesNotContain(tenant.email("MANAGER"));
        Page none = admin.get("/admin/users?role=BROKER&status=PENDING");
        assertThat(none.body()).contains("Nobody matches these filters", "Clear filters");

        for (int i = 0; i < 22; i++) {
            TestTenants.addUser(jdbc, tenant, "many" + i + "@" + tenant.code().toLowerCase() + ".test", "USER");
        }
        Page first = admin.get("/admin/users?role=USER&status=ACTIVE");
        assertThat(first.body()).contains("of <strong>23</strong>",
                "href=\"/admin/users?role=USER&amp;status=ACTIVE&amp;page=1&amp;size=20\"");
    }

    @Test
    void theLockedFilterShowsAccountsLockedAfterFailedSignIns() {
        PageClient victim = new PageClient(port);
        for (int i = 0; i < 6; i++) {
            victim.submit("/login", "/login", Map.of("email", tenant.email("BROKER"), "password", "wrong-" + i));
        }

        Page locked = admin.get("/admin/users?status=LOCKED");

        assertThat(locked.body()).contains(tenant.email("BROKER"), "data-status=\"LOCKED\"")
                .containsPattern("<option value=\"LOCKED\"\\s+selected")
                .doesNotContain(tenant.email("USER"), "Penny Pending");
        assertThat(admin.get("/admin/users?status=LOCKED&role=USER").body()).contains("Nobody matches these filters");
    }

    @Test
    void anUnknownStatusIsABadRequestOverTheApi() {
        String token = SignIn.accessToken(http, tenant.email("ADMIN"));
        assertThat(SignIn.get(http, "/api/v1/users?status=PENDING", token).getBody().toString()).contains(invitee)
                .doesNotContain(tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/users?status=SLEEPING", token).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void rowsAreReadOnlyWithAnActionMenuWhoseActionsComeBackToTheSameList() {
        UUID user = tenant.userId("USER");
        UUID pending = jdbc.queryForObject("select id from users where email_normalized = ?", UUID.class, invitee);
        Page list = admin.get("/admin/users?status=ACTIVE&q=test");

        assertThat(list.body()).doesNotContain("<select class=\"select select-sm\"", "hx-post")
                .contains("data-row-menu", "Actions<span class=\"visually-hidden\"> for Test USER</span>",
                        "href=\"/admin/users/" + user + "\"");

        Page deactivated = admin.post("/admin/users/" + user + "/deactivate",
                PageClient.withCsrf(Map.of("back", "/admin/users?q=test&status=ACTIVE&page=0"), list.csrf()));
        assertThat(deactivated.status()).isEqualTo(302);
        assertThat(deactivated.location()).endsWith("/admin/users?q=test&status=ACTIVE&page=0&done=deactivated");
        Page after = admin.get("/admin/users?q=test&status=ACTIVE&done=deactivated");
        assertThat(after.body()).contains("The user is deactivated and signed out everywhere.", "value=\"test\"")
                .containsPattern("<option value=\"ACTIVE\"\\s+selected");

        Page invitations = admin.get("/admin/users?status=PENDING");
        assertThat(invitations.body()).contains("/admin/users/" + pending + "/resend-invitation",
                "Withdraw the invitation", "name=\"back\" value=\"/admin/users?status=PENDING\"");
        Page resent = admin.post("/admin/users/" + pending + "/resend-invitation",
                PageClient.withCsrf(Map.of("back", "/admin/users?status=PENDING"), invitations.csrf()));
        assertThat(resent.location()).endsWith("/admin/users?status=PENDING&done=invitation-resent");
        Page withdrawn = admin.post("/admin/users/" + pending + "/remove",
                PageClient.withCsrf(Map.of("back", "/admin/users?status=PENDING"), invitations.csrf()));
        assertThat(withdrawn.location()).endsWith("/admin/users?status=PENDING&done=removed");
        Page elsewhere = admin.post("/admin/users/" + user + "/reactivate",
                PageClient.withCsrf(Map.of("back", "https://evil.example/admin/users"), invitations.csrf()));
        assertThat(elsewhere.location()).endsWith("/admin/users?done=reactivated");
    }
}
