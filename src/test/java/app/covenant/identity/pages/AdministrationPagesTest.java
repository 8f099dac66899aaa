package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import app.covenant.support.TestTenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administration pages: users, roles, organizations, feature flags — and who may open them. */
class AdministrationPagesTest extends TenantPageTest {

    PageClient admin;

    @BeforeEach
    void setUp() {
        admin = signedIn("ADMIN");
    }

    @Test
    void theNavigationShowsAdministrationOnlyToThoseWithItsPermissions() {
        String adminHome = admin.get("/").body();
        assertThat(adminHome).contains(">Administration<", "href=\"/admin/users\"", "href=\"/admin/roles\"",
                "href=\"/admin/organizations\"", "href=\"/admin/features\"");

        PageClient user = signedIn("USER");
        assertThat(user.get("/").body()).doesNotContain(">Administration<", "href=\"/admin/users\"");
        PageClient manager = signedIn("MANAGER");
        assertThat(manager.get("/").body()).contains("href=\"/admin/users\"").doesNotContain("href=\"/admin/roles\"");
    }

    @Test
    void pagesWithoutThePermissionAnswerTheForbiddenPage() {
        PageClient user = signedIn("USER");

        for (String path : new String[]{"/admin/users", "/admin/roles", "/admin/organizations", "/admin/features",
                "/admin/roles/new"}) {
            Page page = user.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.response().headers().firstValue("Content-Type").orElse("")).as(path).contains("text/html");
            assertThat(page.body()).as(path).contains("Error 403", "You do not have the permission this page needs.")
                    .doesNotContain("Exception", "at app.");
        }
        Page post = user.post("/admin/users/invite", PageClient.withCsrf(Map.of("email", "x@example.test",
                "roleCode", "USER"), user.get("/account/password").csrf()));
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void usersAreListedSearchedAndPaginated() {
        for (int i = 0; i < 15; i++) {
            TestTenants.addUser(jdbc, tenant, "extra" + i + "@" + tenant.code().toLowerCase() + ".test", "USER");
        }
        Page first = admin.get("/admin/users");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("<title>Users · Covenant</title>", "Showing <strong>1</strong>–<strong>20</strong>",
                "of <strong>25</strong>", "href=\"/admin/users?page=1&amp;size=20\"", "badge-role", "data-status=\"ACTIVE\"",
                "Invite someone", "<option value=\"MANAGER\">");
        String inviteRoles = first.body().substring(first.body().indexOf("id=\"invite-role\""));
        inviteRoles = inviteRoles.substring(0, inviteRoles.indexOf("</select>"));
        assertThat(inviteRoles).as("an admin cannot invite a super admin").contains("<option value=\"MANAGER\">")
                .doesNotContain("<option value=\"SUPER_ADMIN\">");

        Page search = admin.get("/admin/users?q=legal");
        assertThat(search.body()).contains(tenant.email("LEGAL_MANAGER"), tenant.email("LEGAL_HEAD"))
                .doesNotContain(tenant.email("BROKER"));
        Page none = admin.get("/admin/users?q=zzz-nobody");
        assertThat(none.body()).contains("Nobody matches these filters");
    }

    @Test
    void anotherOrganizationsUserIsNotFound() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        UUID stranger = other.userId("USER");
        Page page = admin.get("/admin/users");

        assertThat(admin.get("/admin/users/" + stranger).status()).isEqualTo(404);
        Page deactivate = admin.post("/admin/users/" + stranger + "/deactivate", PageClient.withCsrf(Map.of(), page.csrf()));
        assertThat(deactivate.status()).isEqualTo(404);
        assertThat(deactivate.body()).contains("User was not found.");
        Page unlock = admin.post("/admin/users/" + stranger + "/unlock", PageClient.withCsrf(Map.of(), page.csrf()));
        assertThat(unlock.status()).isEqualTo(404);
        assertThat(status(stranger)).isEqualTo("ACTIVE");
    }

    @Test
    void rowActionsChangeTheRoleDeactivateReactivateAndUnlock() {
        UUID user = tenant.userId("USER");
        Page page = admin.get("/admin/users");

        Page role = admin.post("/admin/users/" + user + "/role", PageClient.withCsrf(Map.of("roleCode", "MANAGER",
                "back", "/admin/users/" + user), page.csrf()));
        assertThat(role.status()).isEqualTo(302);
        assertThat(role.location()).endsWith("/admin/users/" + user + "?done=role-changed");
        assertThat(admin.get("/admin/users/" + user + "?done=role-changed").body()).contains("Compliance manager",
                "The role is changed.");
        assertThat(roleOf(user)).isEqualTo("MANAGER");

        Page deactivated = admin.post("/admin/users/" + user + "/deactivate",
                PageClient.withCsrf(Map.of("back", "/admin/users?q=user"), page.csrf()));
        assertThat(deactivated.status()).isEqualTo(302);
        assertThat(deactivated.location()).endsWith("/admin/users?q=user&done=deactivated");
        assertThat(status(user)).isEqualTo("DEACTIVATED");
        Page refused = new PageClient(port).submit("/login", "/login",
                Map.of("email", tenant.email("USER"), "password", TestTenants.PASSWORD));
        assertThat(refused.status()).isEqualTo(401);

        Page reactivated = admin.post("/admin/users/" + user + "/reactivate", PageClient.withCsrf(Map.of(), page.csrf()));
        assertThat(reactivated.location()).endsWith("/admin/users?done=reactivated");
        assertThat(admin.get("/admin/users?done=reactivated").body()).contains("The user is active again.",
                "data-status=\"ACTIVE\"");
        assertThat(status(user)).isEqualTo("ACTIVE");

        PageClient victim = new PageClient(port);
        for (int i = 0; i < 6; i++) {
            victim.submit("/login", "/login", Map.of("email", tenant.email("USER"), "password", "wrong-" + i));
        }
        assertThat(victim.submit("/login", "/login", Map.of("email", tenant.email("USER"),
                "password", TestTenants.PASSWORD)).status()).isEqualTo(423);
        Page unlocked = admin.post("/admin/users/" + user + "/unlock",
                PageClient.withCsrf(Map.of("back", "/admin/users/" + user), page.csrf()));
        assertThat(unlocked.location()).endsWith("/admin/users/" + user + "?done=unlocked");
        assertThat(admin.get("/admin/users/" + user + "?done=unlocked").body()).contains("Failed sign-ins are forgotten");
        victim.signIn(tenant.email("USER"));
    }

    @Test
    void refusalsOfRowActionsAreShownWhereTheyHappened() {
        UUID me = tenant.userId("ADMIN");
        Page page = admin.get("/admin/users/" + me);
        assertThat(page.body()).contains("This is you").doesNotContain("action=\"/admin/users/" + me + "/deactivate\"");

        Page self = admin.post("/admin/users/" + me + "/deactivate", PageClient.withCsrf(Map.of(), page.csrf()));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body()).contains("You cannot deactivate yourself.");

        Page superRole = admin.post("/admin/users/" + tenant.userId("USER") + "/role",
                PageClient.withCsrf(Map.of("roleCode", "SUPER_ADMIN"), page.csrf()));
        assertThat(superRole.status()).isBetween(400, 499);
        assertThat(superRole.body()).as("shown on the user's page").contains("Test USER", "role=\"alert\"");
        assertThat(roleOf(tenant.userId("USER"))).isEqualTo("USER");

        Page badInvite = admin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", "not-an-address", "name", "X", "roleCode", ""));
        assertThat(badInvite.status()).isEqualTo(400);
        assertThat(badInvite.body()).contains("Is not an e-mail address.", "Choose a role.", "value=\"not-an-address\"");
        Page existing = admin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", tenant.email("BROKER"), "name", "", "roleCode", "USER"));
        assertThat(existing.status()).isEqualTo(409);
        assertThat(existing.body()).contains("already a member of Tenant " + tenant.code());
    }

    @Test
    void aSharedAccountIsSuspendedHereNotDeactivatedAndAnInvitationIsWithdrawn() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        UUID shared = other.userId("USER");
        jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at) values (?, ?, ?, "
                + "(select id from roles where scope_key = 'system' and code = 'USER'), now())", UUID.randomUUID(),
                shared, tenant.organizationId());

        Page detail = admin.get("/admin/users/" + shared);
        assertThat(detail.body()).contains("also belongs to another organization", "Suspend here",
                "Remove from this organization").doesNotContain("/deactivate\"");
        Page row = admin.get("/admin/users?q=" + other.code().toLowerCase());
        assertThat(row.body()).contains("/admin/users/" + shared + "/suspend").doesNotContain(shared + "/deactivate");

        Page suspended = admin.post("/admin/users/" + shared + "/suspend",
                PageClient.withCsrf(Map.of("back", "/admin/users/" + shared), detail.csrf()));
        assertThat(suspended.location()).endsWith("/admin/users/" + shared + "?done=suspended");
        assertThat(admin.get("/admin/users/" + shared).body()).contains("data-status=\"SUSPENDED\"", "Reinstate");
        assertThat(status(shared)).as("the account is untouched").isEqualTo("ACTIVE");
        Page refused = admin.post("/admin/users/" + shared + "/deactivate", PageClient.withCsrf(Map.of(), detail.csrf()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("also belongs to another organization");

        String invitee = "withdrawn-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", invitee, "name", "Wendy", "roleCode", "USER"));
        UUID invited = jdbc.queryForObject("select id from users where email_normalized = ?", UUID.class, invitee);
        String link = Mailbox.lastLink(jdbc, invitee, "/accept-invite");
        Page invitation = admin.get("/admin/users/" + invited);
        assertThat(invitation.body()).contains("Withdraw the invitation", "Send the invitation again");
        Page withdrawn = admin.post("/admin/users/" + invited + "/remove", PageClient.withCsrf(Map.of(), invitation.csrf()));
        assertThat(withdrawn.location()).endsWith("/admin/users?done=removed");
        assertThat(admin.get("/admin/users/" + invited).status()).isEqualTo(404);
        assertThat(new PageClient(port).get(link).body()).contains("This invitation does not work any more");
    }

    @Test
    void customRolesAreCreatedAndEditedAndSystemRolesStayReadOnlyForAnAdmin() {
        Page list = admin.get("/admin/roles");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("No custom roles yet", "System roles", "SUPER_ADMIN", "New custom role");

        Page form = admin.get("/admin/roles/new");
        // Only what a module declares: the fixture module (app.covenant.fixture), insurance and contracts name their
        // own areas and groups.
        assertThat(form.body()).contains("Administration", "Documents", "Audit log", "value=\"document:read\"",
                        "Fixtures", "Fixture records", "value=\"fixture:read\"", "Insurance", "Certificates of insurance",
                        "value=\"coi:read\"", "Contracts", "Contract approvals", "value=\"contract:create\"")
                .doesNotContain("approval:legal:decide");
        Page unknown = admin.post("/admin/roles", PageClient.withCsrf(Map.of("code", "legal_eagle", "name", "Legal eagle",
                "permissions", "approval:legal:decide"), form.csrf()));
        assertThat(unknown.status()).isEqualTo(400);

        Page created = admin.post("/admin/roles", PageClient.withCsrf(Map.of("code", "site_lead", "name", "Site lead",
                "description", "Runs one job site", "permissions", "document:read"), form.csrf()));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).contains("/admin/roles/").endsWith("?done=role-created");
        String rolePath = created.location().substring(created.location().indexOf("/admin/roles/"))
                .replace("?done=role-created", "");
        Page role = admin.get(rolePath);
        assertThat(role.body()).contains("Site lead", "value=\"SITE_LEAD\"", "readonly")
                .containsPattern("value=\"document:read\"\\s+checked");

        Page saved = admin.post(rolePath, PageClient.withCsrf(Map.of("name", "Site lead", "description", "",
                "permissions", "notification:read"), role.csrf()));
        assertThat(saved.location()).endsWith("?done=role-saved");
        assertThat(jdbc.queryForList("select permission_code from role_permissions where role_id = ?", String.class,
                UUID.fromString(rolePath.substring(rolePath.lastIndexOf('/') + 1)))).containsExactly("notification:read");

        UUID adminRole = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'ADMIN'", UUID.class);
        Page system = admin.get("/admin/roles/" + adminRole);
        assertThat(system.body()).contains("Only a super administrator changes system roles", "disabled")
                .doesNotContain("Save role");
        Page refused = admin.post("/admin/roles/" + adminRole, PageClient.withCsrf(Map.of("permissions", "document:read"),
                system.csrf()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Only a super administrator edits system roles.");

        Page deleted = admin.post(rolePath + "/delete", PageClient.withCsrf(Map.of(), role.csrf()));
        assertThat(deleted.location()).endsWith("/admin/roles?done=role-deleted");
    }

    @Test
    void anAdminAddsRenamesAndDeactivatesAnEntity() {
        String code = "E" + tenant.code().substring(1);
        Page page = admin.get("/admin/organizations");
        assertThat(page.body()).contains("Tenant " + tenant.code(), "You are here", "New entity");

        Page created = admin.post("/admin/organizations", PageClient.withCsrf(Map.of("code", code.toLowerCase(),
                "name", "North Yard", "type", "ENTITY"), page.csrf()));
        assertThat(created.location()).endsWith("/admin/organizations?done=organization-created");
        UUID entity = jdbc.queryForObject("select id from organizations where code = ?", UUID.class, code);
        assertThat(jdbc.queryForObject("select parent_id from organizations where id = ?", UUID.class, entity))
                .isEqualTo(tenant.organizationId());
        assertThat(admin.get("/admin/organizations?done=organization-created").body())
                .contains("The organization is created.");
        // OrganizationAdministration.list shows an admin only the organizations they are a member of, so the
        // new entity is listed for a super admin (and for its members), not for the admin who made it.
        PageClient superAdmin = signedIn("SUPER_ADMIN");
        assertThat(superAdmin.get("/admin/organizations").body()).contains("North Yard", code);

        admin.post("/admin/organizations/" + entity + "/rename", PageClient.withCsrf(Map.of("name", "North Yard LLC"),
                page.csrf()));
        admin.post("/admin/organizations/" + entity + "/deactivate", PageClient.withCsrf(Map.of(), page.csrf()));
        assertThat(jdbc.queryForMap("select name, active from organizations where id = ?", entity))
                .containsEntry("name", "North Yard LLC").containsEntry("active", false);

        Page duplicate = admin.post("/admin/organizations", PageClient.withCsrf(Map.of("code", code, "name", "Again",
                "type", "ENTITY"), page.csrf()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("The code " + code + " is taken.");

        UUID foreign = TestTenants.create(jdbc).organizationId();
        Page notMine = admin.post("/admin/organizations/" + foreign + "/deactivate", PageClient.withCsrf(Map.of(),
                page.csrf()));
        assertThat(notMine.status()).isEqualTo(404);
    }

    @Test
    void featureSwitchesFlipWithHtmxAndWithout() {
        // Declared flags only: the fixture module's (app.covenant.fixture) and contracts' finance approval.
        Page page = admin.get("/admin/features");
        assertThat(page.body()).contains("Fixture preview", "Finance approval", "role=\"switch\"",
                        "aria-checked=\"false\"")
                .doesNotContain("No optional features yet");

        Page on = admin.htmxPost("/admin/features/FIXTURE_PREVIEW", Map.of("enabled", "true"), page.csrfMeta());
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().strip()).startsWith("<li").contains("aria-checked=\"true\"",
                "Fixture preview is switched on.");
        assertThat(feature("FIXTURE_PREVIEW")).isTrue();

        Page off = admin.post("/admin/features/FIXTURE_PREVIEW", PageClient.withCsrf(Map.of("enabled", "false"),
                page.csrf()));
        assertThat(off.location()).endsWith("/admin/features?feature=FIXTURE_PREVIEW&switched=false");
        assertThat(feature("FIXTURE_PREVIEW")).isFalse();
        assertThat(admin.get(off.location().substring(off.location().indexOf("/admin/"))).body())
                .contains("Fixture preview is switched off.");
        assertThat(admin.get("/admin/features?feature=NO_SUCH_THING&switched=true").body())
                .doesNotContain("is switched");
        assertThat(admin.post("/admin/features/NO_SUCH_THING", PageClient.withCsrf(Map.of("enabled", "true"),
                page.csrf())).status()).isEqualTo(404);
    }

    private String status(UUID user) {
        return jdbc.queryForObject("select status from users where id = ?", String.class, user);
    }

    private String roleOf(UUID user) {
        return jdbc.queryForObject("select r.code from memberships m join roles r on r.id = m.role_id "
                + "where m.user_id = ? and m.organization_id = ?", String.class, user, tenant.organizationId());
    }

    private boolean feature(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select enabled from organization_features "
                + "where organization_id = ? and feature = ?", Boolean.class, tenant.organizationId(), key));
    }
}
