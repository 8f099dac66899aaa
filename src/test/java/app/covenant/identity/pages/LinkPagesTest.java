package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The e-mailed links' pages: the invitation form and its e-mail state one validity, the accept page says who
 * invites whom and starts from the name the inviter typed, and a used or expired link (invitation or reset)
 * says so as soon as it is opened, with what to do next.
 */
class LinkPagesTest extends TenantPageTest {

    PageClient admin;

    @BeforeEach
    void setUp() {
        admin = signedIn("ADMIN");
    }

    @Test
    void theInviteFormAndTheInvitationEmailStateTheSameValidity() {
        // covenant.identity.invitation-ttl is 72h by default: "3 days" on both sides.
        assertThat(admin.get("/admin/users").body()).contains("We e-mail a link (valid 3 days)")
                .doesNotContain("24 hours");
        String invitee = "valid-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", invitee, "name", "", "roleCode", "USER"));
        Mailbox.lastLink(jdbc, invitee, "/accept-invite");

        assertThat(body(invitee)).contains("is valid for 3 days, until");
    }

    @Test
    void theAcceptPageSaysWhoInvitesWhomAndStartsFromTheTypedName() {
        String invitee = "wendy-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", invitee, "name", "Wendy Wells", "roleCode", "MANAGER"));
        String link = Mailbox.lastLink(jdbc, invitee, "/accept-invite");

        Page page = new PageClient(port).get(link);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Test ADMIN", invitee, "Tenant " + tenant.code(), "Compliance manager")
                .containsPattern("id=\"invite-name\"[^>]*value=\"Wendy Wells\"");
    }

    @Test
    void aUsedOrExpiredInvitationSaysSoWhenOpenedAndWhatToDo() {
        String invitee = "late-" + tenant.code().toLowerCase() + "@example.test";
        admin.submit("/admin/users", "/admin/users/invite", Map.of("email", invitee, "name", "", "roleCode", "USER"));
        String first = Mailbox.lastLink(jdbc, invitee, "/accept-invite");
        java.util.UUID id = jdbc.queryForObject("select id from users where email_normalized = ?",
                java.util.UUID.class, invitee);
        admin.submit("/admin/users/" + id, "/admin/users/" + id + "/resend-invitation", Map.of());
        String second = Mailbox.lastLink(jdbc, invitee, "/accept-invite");

        Page replaced = new PageClient(port).get(first);
        assertThat(replaced.body()).contains("This invitation does not work any more", "It was used already",
                "Ask the person who invited you for a new invitation").doesNotContain("name=\"password\"");

        jdbc.update("update user_tokens set expires_at = ? where user_id = ? and used_at is null",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), id);
        Page expired = new PageClient(port).get(second);
        assertThat(expired.body()).contains("This invitation does not work any more", "Its time ran out",
                "Ask the person who invited you for a new invitation").doesNotContain("name=\"password\"");
    }

    @Test
    void aUsedOrExpiredResetLinkSaysSoWhenOpenedAndOffersANewOne() {
        String email = tenant.email("USER");
        new PageClient(port).submit("/forgot-password", "/forgot-password", Map.of("email", email));
        String link = Mailbox.lastLink(jdbc, email, "/reset-password");

        Page fresh = new PageClient(port).get(link);
        assertThat(fresh.body()).contains("name=\"newPassword\"").doesNotContain("does not work any more");

        jdbc.update("update user_tokens set expires_at = ? where user_id = ? and purpose = 'PASSWORD_RESET'",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), tenant.userId("USER"));
        Page expired = new PageClient(port).get(link);
        assertThat(expired.body()).contains("This link does not work any more", "valid for 1 hour",
                "Request a new reset link", "href=\"/forgot-password\"").doesNotContain("name=\"newPassword\"");

        jdbc.update("update user_tokens set used_at = ? where user_id = ? and purpose = 'PASSWORD_RESET'",
                java.sql.Timestamp.from(java.time.Instant.now()), tenant.userId("USER"));
        Page used = new PageClient(port).get(link);
        assertThat(used.body()).contains("This link does not work any more", "It was used already",
                "Request a new reset link").doesNotContain("name=\"newPassword\"");
    }

    private String body(String address) {
        return jdbc.queryForObject("select body_text from email_outbox where to_address = ? order by created_at desc "
                + "limit 1", String.class, address);
    }
}
