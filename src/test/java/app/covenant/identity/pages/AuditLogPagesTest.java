package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log names people and records with links, and its filters are pickers, not UUID fields. */
class AuditLogPagesTest extends TenantPageTest {

    PageClient admin;

    @BeforeEach
    void setUp() {
        admin = signedIn("ADMIN");
    }

    @Test
    void actorsAndTargetsShowByNameWithLinks() {
        String invitee = "audited-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", invitee, "name", "Ada Audited",
                "roleCode", "USER"));
        UUID invited = jdbc.queryForObject("select id from users where email_normalized = ?", UUID.class, invitee);
        Page role = admin.submit("/admin/roles/new", "/admin/roles", Map.of("code", "yard_lead", "name", "Yard lead",
                "description", "", "permissions", "document:read"));
        String rolePath = role.location().substring(role.location().indexOf("/admin/roles/")).replace("?done=role-created", "");

        Page log = admin.get("/admin/audit?action=user.invited");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("<a href=\"/admin/users/" + tenant.userId("ADMIN") + "\">Test ADMIN</a>",
                "<a href=\"/admin/users/" + invited + "\">Ada Audited</a>")
                .doesNotContain("<code>" + invited + "</code>", "<code>" + tenant.userId("ADMIN") + "</code>");
        assertThat(admin.get("/admin/audit?action=role.created").body())
                .contains("<a href=\"" + rolePath + "\">Yard lead</a>");

        UUID email = jdbc.queryForObject("select id from email_outbox where to_address = ?", UUID.class, invitee);
        assertThat(admin.get("/admin/outbox/" + email).status()).isEqualTo(200);
        assertThat(admin.get("/admin/audit?action=outbox.message.opened").body())
                .contains("<a href=\"/admin/outbox/" + email + "\">Test ADMIN invited you to Tenant " + tenant.code()
                        + " on Covenant</a>");
    }

    @Test
    void theFiltersArePickersOfMembersActionsAndKindsOfRecord() {
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", "picked-" + tenant.code().toLowerCase()
                + "@example.test", "name", "", "roleCode", "USER"));

        Page log = admin.get("/admin/audit");

        assertThat(log.body()).contains("<select class=\"select\" id=\"audit-user\" name=\"userId\">",
                "<option value=\"" + tenant.userId("USER") + "\">Test USER</option>",
                "<option value=\"user.invited\">user.invited</option>", "<option value=\"user\">User</option>")
                .doesNotContain("id=\"audit-target\"", "placeholder=\"auth.sign-in.failed\"");
        Page mine = admin.get("/admin/audit?userId=" + tenant.userId("ADMIN") + "&targetType=user");
        assertThat(mine.body()).contains("user.invited").doesNotContain("role.created")
                .containsPattern("<option value=\"" + tenant.userId("ADMIN") + "\"\\s+selected=\"selected\">Test ADMIN</option>")
                .containsPattern("<option value=\"user\"\\s+selected=\"selected\">User</option>");
    }
}
