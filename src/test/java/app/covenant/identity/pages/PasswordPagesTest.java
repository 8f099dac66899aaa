package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.identity.pages.PageClient.Page;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forgot / reset password through the e-mailed link, and changing one's own password. */
class PasswordPagesTest extends TenantPageTest {

    private static final String NEW_PASSWORD = "Lantern-Harbor-Quietly-93";

    PageClient browser;

    @BeforeEach
    void setUp() {
        browser = new PageClient(port);
    }

    @Test
    void forgotPasswordAnswersTheSameForKnownAndUnknownAddresses() {
        Page known = browser.submit("/forgot-password", "/forgot-password", Map.of("email", tenant.email("USER")));
        Page unknown = browser.submit("/forgot-password", "/forgot-password",
                Map.of("email", "nobody-" + tenant.code() + "@example.test"));

        assertThat(known.status()).isEqualTo(302);
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(known.location()).isEqualTo(unknown.location()).endsWith("/forgot-password?done=reset-sent");
        assertThat(browser.get("/forgot-password?done=reset-sent").body())
                .contains("If the address belongs to an account, we sent a link");
        await().atMost(Duration.ofSeconds(10)).until(() -> Mailbox.count(jdbc, tenant.email("USER")) == 1);
        assertThat(Mailbox.count(jdbc, "nobody-" + tenant.code() + "@example.test")).isZero();
    }

    @Test
    void theResetLinkShowsAFormAndTheNewPasswordWorksOnce() {
        browser.submit("/forgot-password", "/forgot-password", Map.of("email", tenant.email("MANAGER")));
        String link = Mailbox.lastLink(jdbc, tenant.email("MANAGER"), "/reset-password");
        String token = link.substring(link.indexOf("token=") + 6);

        // Opening the link twice (a mail scanner, then the person) does not use it up.
        browser.get(link);
        Page form = browser.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Choose a new password", "10 to 128 characters", "Not your e-mail address",
                "Not a common password", "name=\"token\"");
        assertThat(form.body()).as("the cursor waits in the new password").containsPattern(
                "<input[^>]*id=\"reset-password\"[^>]*autofocus");

        Page weak = browser.post("/reset-password", PageClient.withCsrf(Map.of("token", token,
                "newPassword", "qwertyuiop", "confirmPassword", "qwertyuiop"), form.csrf()));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("Is too common", "aria-invalid=\"true\"", "id=\"reset-password-error\"");

        Page mismatch = browser.post("/reset-password", PageClient.withCsrf(Map.of("token", token,
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD + "x"), form.csrf()));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("Does not match the new password.");

        Page done = browser.post("/reset-password", PageClient.withCsrf(Map.of("token", token,
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD), form.csrf()));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/login?done=password-reset");
        assertThat(browser.get("/login?done=password-reset").body()).contains("Your password is changed.");

        Page signIn = browser.submit("/login", "/login", Map.of("email", tenant.email("MANAGER"), "password", NEW_PASSWORD));
        assertThat(signIn.status()).isEqualTo(303);

        Page again = new PageClient(port).get(link);
        Page reused = new PageClient(port).submit("/login", "/reset-password", Map.of("token", token,
                "newPassword", "Another-Harbor-Quietly-94", "confirmPassword", "Another-Harbor-Quietly-94"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).as("a used link says so at once").contains("This link does not work any more",
                "It was used already").doesNotContain("name=\"newPassword\"");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("This link does not work any more", "href=\"/forgot-password\"");
    }

    @Test
    void aResetLinkWithoutTokenSaysWhatToDo() {
        Page page = browser.get("/reset-password");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("This link does not work any more", "Send me a new link")
                .doesNotContain("name=\"newPassword\"");
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndSignsOutOtherSessions() {
        PageClient otherDevice = signedIn("FINANCE_MANAGER");
        browser.signIn(tenant.email("FINANCE_MANAGER"));
        Page form = browser.get("/account/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<title>Change password · Covenant</title>", "10 to 128 characters");

        Page wrong = browser.post("/account/password", PageClient.withCsrf(Map.of("currentPassword", "not-it-at-all",
                "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD), form.csrf()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Is not your current password.", "id=\"current-password-error\"");

        Page sameAsEmail = browser.post("/account/password", PageClient.withCsrf(Map.of(
                "currentPassword", TestTenants.PASSWORD, "newPassword", tenant.email("FINANCE_MANAGER"),
                "confirmPassword", tenant.email("FINANCE_MANAGER")), form.csrf()));
        assertThat(sameAsEmail.status()).isEqualTo(400);
        assertThat(sameAsEmail.body()).contains("Must not be your e-mail address.");

        Page changed = browser.post("/account/password", PageClient.withCsrf(Map.of(
                "currentPassword", TestTenants.PASSWORD, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD),
                form.csrf()));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/account/password?done=password-changed");
        assertThat(browser.get("/account/password?done=password-changed").body())
                .contains("Your password is changed. Your other sessions were signed out.");

        // This browser stays signed in; the other device is signed out.
        assertThat(browser.get("/account/sessions").status()).isEqualTo(200);
        Page elsewhere = otherDevice.get("/account/sessions");
        assertThat(elsewhere.status()).isEqualTo(302);
        assertThat(elsewhere.location()).contains("/login");
    }
}
