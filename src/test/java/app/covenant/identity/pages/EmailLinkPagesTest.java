package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/** An invitation from the users page to a signed-in newcomer, and the e-mail verification link. */
class EmailLinkPagesTest extends TenantPageTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void anInvitedPersonChoosesNameAndPasswordAndIsSignedIn() {
        PageClient admin = signedIn("ADMIN");
        String newcomer = "newcomer-" + tenant.code().toLowerCase() + "@example.test";
        Page invited = admin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", newcomer, "name", "", "roleCode", "MANAGER"));
        assertThat(invited.status()).isEqualTo(302);
        assertThat(invited.location()).endsWith("/admin/users?done=invited");
        assertThat(admin.get("/admin/users?done=invited").body()).contains("The invitation is on its way.");
        assertThat(admin.get("/admin/users?q=newcomer").body()).contains(newcomer, "Invited");

        String link = Mailbox.lastLink(jdbc, newcomer, "/accept-invite");
        PageClient person = new PageClient(port);
        Page form = person.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Welcome to Covenant", "name=\"name\"", "10 to 128 characters");

        String token = link.substring(link.indexOf("token=") + 6);
        Page tooShort = person.post("/accept-invite", PageClient.withCsrf(Map.of("token", token, "name", "Nora Newcomer",
                "password", "short", "confirmPassword", "short"), form.csrf()));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("Must be at least 10 characters.", "value=\"Nora Newcomer\"");

        Page accepted = person.post("/accept-invite", PageClient.withCsrf(Map.of("token", token, "name", "Nora Newcomer",
                "password", "Copper-Kettle-Morning-51", "confirmPassword", "Copper-Kettle-Morning-51"), form.csrf()));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(person.cookie("covenant_access")).isPresent();
        Page home = person.get("/");
        assertThat(home.body()).contains("Nora Newcomer", "Tenant " + tenant.code(), "action=\"/logout\"");

        PageClient late = new PageClient(port);
        assertThat(late.get(link).body()).as("a used link says so at once").contains("This invitation does not work any more")
                .doesNotContain("name=\"password\"");
        Page reused = late.submit("/login", "/accept-invite", Map.of("token", token, "name", "Mallory",
                "password", "Copper-Kettle-Morning-52", "confirmPassword", "Copper-Kettle-Morning-52"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("This invitation does not work any more");
    }

    @Test
    void aLostInvitationIsSentAgainAndOnlyTheNewLinkWorks() {
        PageClient admin = signedIn("ADMIN");
        String newcomer = "again-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", newcomer, "name", "Ada", "roleCode", "USER"));
        String first = Mailbox.lastLink(jdbc, newcomer, "/accept-invite");
        java.util.UUID id = jdbc.queryForObject("select id from users where email = ?", java.util.UUID.class, newcomer);

        Page detail = admin.get("/admin/users/" + id);
        assertThat(detail.body()).contains("Send the invitation again");
        Page resent = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/resend-invitation", Map.of());
        assertThat(resent.status()).isEqualTo(302);
        assertThat(resent.location()).endsWith("done=invitation-resent");
        assertThat(admin.get("/admin/users?done=invitation-resent").body()).contains("A fresh invitation is on its way");
        String second = Mailbox.lastLink(jdbc, newcomer, "/accept-invite");
        assertThat(second).isNotEqualTo(first);
        assertThat(Mailbox.count(jdbc, newcomer)).isEqualTo(2);

        Page stale = new PageClient(port).submit("/login", "/accept-invite", Map.of("token",
                first.substring(first.indexOf("token=") + 6), "name", "Ada",
                "password", "Copper-Kettle-Morning-53", "confirmPassword", "Copper-Kettle-Morning-53"));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("This invitation does not work any more");
        PageClient person = new PageClient(port);
        Page form = person.get(second);
        String token = second.substring(second.indexOf("token=") + 6);
        assertThat(person.post("/accept-invite", PageClient.withCsrf(Map.of("token", token, "name", "Ada",
                "password", "Copper-Kettle-Morning-53", "confirmPassword", "Copper-Kettle-Morning-53"),
                form.csrf())).status()).isEqualTo(302);

        // Accepted: nothing to resend, over the API too; and nobody resends another organization's invitation.
        assertThat(admin.get("/admin/users/" + id).body()).doesNotContain("Send the invitation again");
        int mails = Mailbox.count(jdbc, newcomer);
        String token2 = SignIn.accessToken(http, tenant.email("ADMIN"));
        assertThat(SignIn.post(http, "/api/v1/users/" + id + "/resend-invitation", null, token2).getStatusCode().value())
                .isEqualTo(409);
        TestTenants.Tenant other = TestTenants.create(jdbc);
        assertThat(SignIn.post(http, "/api/v1/users/" + id + "/resend-invitation", null,
                SignIn.accessToken(http, other.email("ADMIN"))).getStatusCode().value()).isEqualTo(404);
        assertThat(Mailbox.count(jdbc, newcomer)).isEqualTo(mails);
    }

    @Test
    void someoneWithAnAccountAcceptsAnotherOrganizationsInvitationWithTheirPassword() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        PageClient otherAdmin = PageClient.signedIn(port, other.email("ADMIN"));
        String invitee = tenant.email("USER");
        String hashBefore = passwordHash(invitee);
        assertThat(otherAdmin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", invitee, "name", "Broker Bea", "roleCode", "MANAGER")).status()).isEqualTo(302);
        assertThat(otherAdmin.get("/admin/users?q=bea").body()).as("OTHER sees what it typed, not the account")
                .contains("Broker Bea", "Invited").doesNotContain("Test USER");
        String link = Mailbox.lastLink(jdbc, invitee, "/accept-invite");

        PageClient person = new PageClient(port);
        Page form = person.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Tenant " + other.code(), "Compliance manager", invitee,
                "Already use Covenant with this address?", "Sign in and accept");
        String token = link.substring(link.indexOf("token=") + 6);

        Page wrong = person.post("/accept-invite", PageClient.withCsrf(Map.of("account", "existing", "token", token,
                "password", "Not-the-right-one-2026"), form.csrf()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Is not the password of the account with this address.", "Sign in and accept");

        Page accepted = person.post("/accept-invite", PageClient.withCsrf(Map.of("account", "existing", "token", token,
                "password", TestTenants.PASSWORD), form.csrf()));
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(person.get("/").body()).as("signed in to the organization just joined")
                .contains("Tenant " + other.code());
        assertThat(passwordHash(invitee)).as("the password stays as it is").isEqualTo(hashBefore);
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address = ? "
                + "and template = 'password-changed'", Integer.class, invitee)).isZero();
        assertThat(otherAdmin.get("/admin/users?q=bea").body()).as("once accepted, their own name shows")
                .doesNotContain("Broker Bea");
    }

    @Test
    void aSignedInInviteeJoinsWithOneClickAndSomeoneElseIsToldToSignOut() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        String invitee = tenant.email("MANAGER");
        assertThat(SignIn.post(http, "/api/v1/users/invite", Map.of("email", invitee, "roleCode", "USER"),
                SignIn.accessToken(http, other.email("ADMIN"))).getStatusCode().value()).isEqualTo(201);
        String link = Mailbox.lastLink(jdbc, invitee, "/accept-invite");
        String token = link.substring(link.indexOf("token=") + 6);

        PageClient stranger = signedIn("BROKER");
        assertThat(stranger.get(link).body()).contains("You are signed in as", tenant.email("BROKER"))
                .doesNotContain("Join Tenant " + other.code());

        PageClient person = PageClient.signedIn(port, invitee);
        Page form = person.get(link);
        assertThat(form.body()).contains("Join Tenant " + other.code()).doesNotContain("name=\"password\"");
        Page joined = person.post("/accept-invite/join", PageClient.withCsrf(Map.of("token", token), form.csrf()));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(person.get("/").body()).contains("Tenant " + other.code());
        assertThat(person.get(link).body()).as("used once").contains("This invitation does not work any more");
    }

    @Test
    void anInvitationIsDeclinedFromItsPageAndOnlyThatOneEnds() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        String invitee = "undecided-" + tenant.code().toLowerCase() + "@example.test";
        SignIn.post(http, "/api/v1/users/invite", Map.of("email", invitee, "roleCode", "USER"),
                SignIn.accessToken(http, tenant.email("ADMIN")));
        String kept = Mailbox.lastLink(jdbc, invitee, "/accept-invite");
        SignIn.post(http, "/api/v1/users/invite", Map.of("email", invitee, "roleCode", "USER"),
                SignIn.accessToken(http, other.email("ADMIN")));
        String declined = Mailbox.lastLink(jdbc, invitee, "/accept-invite");

        PageClient person = new PageClient(port);
        Page form = person.get(declined);
        assertThat(form.body()).contains("Decline the invitation");
        Page done = person.post("/accept-invite", PageClient.withCsrf(Map.of("decision", "decline",
                "token", declined.substring(declined.indexOf("token=") + 6)), form.csrf()));
        assertThat(done.status()).isEqualTo(302);
        assertThat(person.get(done.location().substring(done.location().indexOf("/accept-invite"))).body())
                .contains("The invitation is declined");
        assertThat(jdbc.queryForObject("select count(*) from memberships m join users u on u.id = m.user_id "
                + "where u.email_normalized = ? and m.organization_id = ?", Integer.class, invitee,
                other.organizationId())).isZero();
        assertThat(person.get(declined).body()).contains("This invitation does not work any more");
        assertThat(person.get(kept).body()).as("the other organization's invitation stands")
                .contains("Tenant " + tenant.code(), "Create my account");
    }

    @Test
    void acceptingAnInvitationSendsNoPasswordChangedEmail() {
        String newcomer = "quiet-" + tenant.code().toLowerCase() + "@example.test";
        SignIn.post(http, "/api/v1/users/invite", Map.of("email", newcomer, "roleCode", "USER"),
                SignIn.accessToken(http, tenant.email("ADMIN")));
        String link = Mailbox.lastLink(jdbc, newcomer, "/accept-invite");
        PageClient person = new PageClient(port);
        Page form = person.get(link);

        assertThat(person.post("/accept-invite", PageClient.withCsrf(Map.of("token",
                link.substring(link.indexOf("token=") + 6), "name", "Quinn Quiet", "password", "Copper-Kettle-Morning-54",
                "confirmPassword", "Copper-Kettle-Morning-54"), form.csrf())).status()).isEqualTo(302);

        assertThat(jdbc.queryForList("select template from email_outbox where to_address = ?", String.class, newcomer))
                .containsExactly("invitation");
    }

    @Test
    void theVerificationLinkAsksBeforeItConfirms() {
        jdbc.update("update users set email_verified = false where id = ?", tenant.userId("USER"));
        String access = SignIn.accessToken(http, tenant.email("USER"));
        SignIn.post(http, "/api/v1/auth/send-verification", null, access);
        String link = Mailbox.lastLink(jdbc, tenant.email("USER"), "/verify-email");
        PageClient browser = new PageClient(port);

        Page page = browser.get(link);
        browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm my address");
        assertThat(verified()).isFalse();

        Page confirmed = browser.post("/verify-email", PageClient.withCsrf(
                Map.of("token", link.substring(link.indexOf("token=") + 6)), page.csrf()));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.location()).endsWith("/verify-email?done=email-verified");
        assertThat(browser.get("/verify-email?done=email-verified").body()).contains("Your e-mail address is confirmed.");
        assertThat(verified()).isTrue();

        Page again = browser.post("/verify-email", PageClient.withCsrf(
                Map.of("token", link.substring(link.indexOf("token=") + 6)), page.csrf()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("This link does not work any more");
    }

    private boolean verified() {
        return jdbc.queryForObject("select email_verified from users where id = ?", Boolean.class, tenant.userId("USER"));
    }

    private String passwordHash(String email) {
        return jdbc.queryForObject("select password_hash from users where email_normalized = ?", String.class, email);
    }
}
