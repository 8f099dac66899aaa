package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** An address without a dotted domain ({@code foo@x}) is refused wherever an address is typed, and nothing happens. */
class EmailAddressCheckTest extends TenantPageTest {

    private static final String UNDELIVERABLE = "foo@x";

    @Autowired
    TestRestTemplate http;

    @Test
    void theInviteFormRefusesAnAddressWithoutADottedDomain() {
        PageClient admin = signedIn("ADMIN");

        Page refused = admin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", UNDELIVERABLE, "name", "Foo", "roleCode", "USER"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Needs a domain with a dot, such as name@example.com.",
                "value=\"foo@x\"", "aria-invalid=\"true\"");
        assertNothingHappened();
    }

    @Test
    void theApiRefusesItWithAProblemNamingTheField() {
        String token = SignIn.accessToken(http, tenant.email("ADMIN"));

        ResponseEntity<JsonNode> invite = SignIn.post(http, "/api/v1/users/invite",
                Map.of("email", UNDELIVERABLE, "name", "Foo", "roleCode", "USER"), token);
        ResponseEntity<JsonNode> forgot = http.postForEntity("/api/v1/auth/forgot-password",
                SignIn.json(Map.of("email", UNDELIVERABLE)), JsonNode.class);
        ResponseEntity<JsonNode> login = http.postForEntity("/api/v1/auth/login",
                SignIn.json(Map.of("email", UNDELIVERABLE, "password", TestTenants.PASSWORD)), JsonNode.class);

        for (ResponseEntity<JsonNode> response : java.util.List.of(invite, forgot, login)) {
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(response.getBody().toString()).contains("\"field\":\"email\"", "needs a domain with a dot");
        }
        assertNothingHappened();
    }

    @Test
    void theSignInAndForgotPasswordFormsRefuseItBesideTheField() {
        PageClient visitor = new PageClient(port);

        Page forgot = visitor.submit("/forgot-password", "/forgot-password", Map.of("email", UNDELIVERABLE));
        Page login = visitor.submit("/login", "/login", Map.of("email", UNDELIVERABLE, "password", "whatever-it-is"));

        assertThat(forgot.status()).isEqualTo(400);
        assertThat(forgot.body()).contains("Needs a domain with a dot, such as name@example.com.");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.body()).contains("Needs a domain with a dot, such as name@example.com.");
        assertNothingHappened();
    }

    @Test
    void aMalformedAddressStillGetsOneMessageNotTwo() {
        PageClient admin = signedIn("ADMIN");

        Page refused = admin.submit("/admin/users", "/admin/users/invite",
                Map.of("email", "not-an-address", "name", "", "roleCode", "USER"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Is not an e-mail address.").doesNotContain("Needs a domain");
    }

    private void assertNothingHappened() {
        assertThat(jdbc.queryForObject("select count(*) from users where email_normalized = ?", Integer.class,
                UNDELIVERABLE)).isZero();
        assertThat(Mailbox.count(jdbc, UNDELIVERABLE)).isZero();
    }
}
