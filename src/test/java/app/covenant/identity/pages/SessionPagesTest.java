package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** "My sessions": where one is signed in, and signing out any of them. */
class SessionPagesTest extends TenantPageTest {

    private static final Pattern ROW = Pattern.compile("data-session-id=\"([0-9a-f-]{36})\"");

    @Test
    void listsEverySessionAndSignsOutAnotherOne() {
        PageClient laptop = new PageClient(port);
        PageClient phone = signedIn("CONTRACTOR");
        laptop.signIn(tenant.email("CONTRACTOR"));

        Page page = laptop.get("/account/sessions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>My sessions · Covenant</title>", "Java client", "127.0.0.1",
                "This session", "UTC");
        List<String> ids = ids(page.body());
        assertThat(ids).hasSize(2);
        String current = currentId(page.body());
        String other = ids.stream().filter(id -> !id.equals(current)).findFirst().orElseThrow();

        Page revoked = laptop.post("/account/sessions/" + other + "/revoke", PageClient.withCsrf(Map.of(), page.csrf()));
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(revoked.location()).endsWith("/account/sessions?done=session-revoked");
        Page after = laptop.get("/account/sessions?done=session-revoked");
        assertThat(after.body()).contains("The session is signed out.");
        assertThat(ids(after.body())).containsExactly(current);

        Page phoneAfter = phone.get("/account/password");
        assertThat(phoneAfter.status()).isEqualTo(302);
        assertThat(phoneAfter.location()).contains("/login");
    }

    @Test
    void signingOutThisSessionFromTheListSignsOut() {
        PageClient browser = signedIn("BROKER");
        Page page = browser.get("/account/sessions");

        Page out = browser.post("/account/sessions/" + currentId(page.body()) + "/revoke",
                PageClient.withCsrf(Map.of(), page.csrf()));

        assertThat(out.location()).endsWith("/login?done=signed-out");
        assertThat(browser.cookie("covenant_access")).isEmpty();
    }

    @Test
    void anotherUsersSessionCannotBeSignedOut() {
        PageClient mine = new PageClient(port);
        PageClient theirs = new PageClient(port);
        mine.signIn(tenant.email("USER"));
        theirs.signIn(tenant.email("LEGAL_HEAD"));
        String theirSession = currentId(theirs.get("/account/sessions").body());

        Page page = mine.get("/account/sessions");
        Page refused = mine.post("/account/sessions/" + theirSession + "/revoke", PageClient.withCsrf(Map.of(), page.csrf()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).contains("Session was not found.");
        assertThat(theirs.get("/account/sessions").status()).isEqualTo(200);
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ROW.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String currentId(String html) {
        int badge = html.indexOf("data-current-session");
        assertThat(badge).as("the current session's badge").isPositive();
        Matcher matcher = ROW.matcher(html.substring(0, badge));
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }
}
