package app.covenant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * SECURITY.md "Authorization", accounts across organizations (issue 8 §1): an account is global, a
 * membership belongs to one organization. Each attack of the issue is replayed here: DEMO is
 * {@code home}, OTHER is {@code other}.
 */
@IntegrationTest
class CrossOrganizationAccountsTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{40,})");
    private static final String NEW_PASSWORD = "Granite-Harbour-Lantern-61";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Tenant home;
    Tenant other;
    String homeAdmin;
    String otherAdmin;

    @BeforeEach
    void tenants() {
        home = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        homeAdmin = SignIn.accessToken(http, home.email("ADMIN"));
        otherAdmin = SignIn.accessToken(http, other.email("ADMIN"));
    }

    @Test
    void anotherOrganizationsInvitationNeitherRetiresNorTakesOverAPendingOne() {
        String invitee = "pending-" + home.code().toLowerCase() + "@example.test";
        assertThat(invite(homeAdmin, invitee, "Pat Pending", "MANAGER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String homeLink = tokenIn(lastMailTo(invitee));

        assertThat(invite(otherAdmin, invitee, "Someone", "USER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String otherLink = tokenIn(lastMailTo(invitee));
        assertThat(otherLink).isNotEqualTo(homeLink);

        ResponseEntity<JsonNode> joinedHome = accept(Map.of("token", homeLink, "name", "Pat Pending",
                "password", NEW_PASSWORD), null);
        assertThat(joinedHome.getStatusCode()).as("the first organization's link still works").isEqualTo(HttpStatus.OK);
        assertThat(joinedHome.getBody().get("user").get("organizationId").asString())
                .isEqualTo(home.organizationId().toString());
        assertThat(joinedHome.getBody().get("user").get("roles").get(0).asString()).isEqualTo("MANAGER");
        assertThat(membershipStatus(invitee, other)).as("accepting one invitation joins exactly that organization")
                .isEqualTo("PENDING");

        ResponseEntity<JsonNode> joinedOther = accept(Map.of("token", otherLink, "password", NEW_PASSWORD), null);
        assertThat(joinedOther.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(joinedOther.getBody().get("user").get("organizationId").asString())
                .isEqualTo(other.organizationId().toString());
        assertThat(joinedOther.getBody().get("user").get("roles").get(0).asString()).isEqualTo("USER");
        assertThat(roleIn(invitee, home)).as("the second acceptance leaves the first role alone").isEqualTo("MANAGER");
    }

    @Test
    void invitingAnExistingAccountAnswersLikeANewAddressAndAddsNobodyWithoutConsent() {
        String stranger = "Brand-New-" + other.code() + "@Example.test";
        ResponseEntity<JsonNode> fresh = invite(otherAdmin, stranger, "Given Name", "USER");
        ResponseEntity<JsonNode> existing = invite(otherAdmin, home.email("SUPER_ADMIN").toUpperCase(), "Given Name",
                "USER");

        assertThat(existing.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fresh.getBody().get("email").asString()).as("addresses in one spelling, whoever typed what")
                .isEqualTo(stranger.toLowerCase());
        assertThat(existing.getBody().get("email").asString()).isEqualTo(home.email("SUPER_ADMIN"));
        assertThat(withoutIdentity(existing.getBody())).as("the answer tells nothing about the existing account")
                .isEqualTo(withoutIdentity(fresh.getBody()));
        assertThat(existing.getBody().get("status").asString()).isEqualTo("INVITED");
        assertThat(existing.getBody().get("name").asString()).isEqualTo("Given Name");
        assertThat(existing.getBody().get("locked").asBoolean()).isFalse();
        assertThat(existing.getBody().get("lastSignInAt").isNull()).isTrue();
        UUID superAdmin = home.userId("SUPER_ADMIN");
        assertThat(SignIn.get(http, "/api/v1/users/" + superAdmin, otherAdmin).getBody().get("name").asString())
                .isEqualTo("Given Name");
        assertThat(membershipStatus(home.email("SUPER_ADMIN"), other)).isEqualTo("PENDING");

        assertThat(call("PUT", "/api/v1/users/" + superAdmin, "{\"roleCode\":\"MANAGER\"}", otherAdmin)
                .getStatusCode()).as("judged by the role offered, not by what the account is elsewhere")
                .isEqualTo(HttpStatus.OK);

        String mail = lastMailTo(home.email("SUPER_ADMIN"));
        assertThat(mail).contains("Tenant " + other.code(), "Test ADMIN", "User", "/accept-invite?token=");
        assertThat(call("DELETE", "/api/v1/users/" + superAdmin + "/membership", null, otherAdmin).getStatusCode())
                .as("OTHER withdraws its own invitation").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("select after_json from audit_log where organization_id = ? and action = "
                + "'user.invited'", String.class, other.organizationId())).allSatisfy(after ->
                assertThat(after).doesNotContain("existing"));
    }

    @Test
    void anOrganizationWhoseInvitationIsPendingSeesNoSignInsOfTheAccount() {
        String invitee = "first-asked-" + other.code().toLowerCase() + "@example.test";
        invite(otherAdmin, invitee, "", "USER");
        invite(homeAdmin, invitee, "", "USER");
        accept(Map.of("token", tokenIn(lastMailTo(invitee)), "name", "Fay First", "password", NEW_PASSWORD), null);

        http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of("email", invitee, "password", "Wrong-guess-123")),
                JsonNode.class);

        assertThat(jdbc.queryForObject("select organization_id from audit_log where action = 'auth.sign-in.failed' "
                + "and actor_email = ?", UUID.class, invitee)).isEqualTo(home.organizationId());
    }

    @Test
    void anAnswerNeverDependsOnTheAccountsOwnNameOrPhone() {
        UUID victim = home.userId("USER");
        call("PUT", "/api/v1/users/" + victim, "{\"phone\":\"+1 212 555 0142\"}", homeAdmin);
        invite(otherAdmin, home.email("USER"), "Typo Nmae", "USER");

        ResponseEntity<JsonNode> guessedName = call("PUT", "/api/v1/users/" + victim, "{\"name\":\"Test USER\"}",
                otherAdmin);
        ResponseEntity<JsonNode> guessedPhone = call("PUT", "/api/v1/users/" + victim,
                "{\"phone\":\"+1 212 555 0142\"}", otherAdmin);

        assertThat(guessedName.getStatusCode()).as("renames OTHER's invitation, not the account").isEqualTo(HttpStatus.OK);
        assertThat(guessedName.getBody().get("name").asString()).isEqualTo("Test USER");
        assertThat(guessedPhone.getStatusCode()).as("a phone is the account's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("PUT", "/api/v1/users/" + victim, "{\"phone\":\"+1 000 000 0000\"}", otherAdmin)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(account(victim).get("name")).isEqualTo("Test USER");
    }

    @Test
    void acceptingWithAnExistingAccountIsASignInThatOnlyItsOwnerPasses() {
        invite(otherAdmin, home.email("LEGAL_HEAD"), "", "USER");
        String token = tokenIn(lastMailTo(home.email("LEGAL_HEAD")));

        ResponseEntity<JsonNode> someoneElse = accept(Map.of("token", token),
                SignIn.accessToken(http, home.email("BROKER")));
        assertThat(someoneElse.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(someoneElse.getBody().get("errors").get(0).get("field").asString()).isEqualTo("token");
        ResponseEntity<JsonNode> noPassword = accept(Map.of("token", token), null);
        assertThat(noPassword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPassword.getBody().get("errors").get(0).get("field").asString()).isEqualTo("password");
        for (int attempt = 1; attempt < 5; attempt++) {
            assertThat(accept(Map.of("token", token, "password", "Wrong-guess-" + attempt), null).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(accept(Map.of("token", token, "password", TestTenants.PASSWORD), null).getStatusCode())
                .as("five failures lock the address, as at sign-in").isEqualTo(HttpStatus.LOCKED);
        assertThat(membershipStatus(home.email("LEGAL_HEAD"), other)).isEqualTo("PENDING");
    }

    @Test
    void aPendingMemberCannotWorkInTheInvitingOrganization() {
        invite(otherAdmin, home.email("USER"), "", "ADMIN");
        String user = SignIn.accessToken(http, home.email("USER"));

        assertThat(SignIn.post(http, "/api/v1/auth/switch-org", Map.of("organizationId", other.organizationId()), user)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/auth/me", user).getBody().get("organizations").toString())
                .doesNotContain(other.organizationId().toString());
    }

    /** Account-wide actions by another organization's admin, before and after the person accepted. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PUT  | {id}             | {"name":"Renamed by OTHER"} | 200
            PUT  | {id}             | {"phone":"+1 555 0100"}     | 403
            POST | {id}/deactivate  |                             | 403
            POST | {id}/reactivate  |                             | 403
            POST | {id}/unlock      |                             | 403
            """)
    void anotherOrganizationsAdminNeverChangesTheAccount(String method, String path, String body, int whilePending) {
        UUID victim = home.userId("SUPER_ADMIN");
        String url = "/api/v1/users/" + path.replace("{id}", victim.toString());
        Map<String, Object> before = account(victim);

        invite(otherAdmin, home.email("SUPER_ADMIN"), "", "USER");
        assertThat(call(method, url, body, otherAdmin).getStatusCode().value())
                .as("while the invitation is pending (a name renames OTHER's invitation only)").isEqualTo(whilePending);

        String victimToken = SignIn.accessToken(http, home.email("SUPER_ADMIN"));
        assertThat(accept(Map.of("token", tokenIn(lastMailTo(home.email("SUPER_ADMIN")))), victimToken)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call(method, url, body, otherAdmin).getStatusCode()).as("once a member of both")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(method, url, body, homeAdmin).getStatusCode())
                .as("nor the first organization's admin, now that the account is not only theirs")
                .isIn(HttpStatus.FORBIDDEN);
        assertThat(account(victim)).as("the account is unchanged").isEqualTo(before);
        assertThat(SignIn.get(http, "/api/v1/auth/me", victimToken).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * Generated from the application's routes, so a new account action cannot escape: every state-changing
     * user endpoint, called by either organization's admin on an account that belongs to both, leaves the
     * account itself (name, phone, status) as it was — only the caller's own membership may change.
     */
    @TestFactory
    Stream<DynamicTest> noUserRouteChangesASharedAccountForAnOrganizationsAdmin() {
        return ApplicationEndpoints.of(mapping).stream()
                .filter(endpoint -> endpoint.controller().equals("UserController") && endpoint.changesState()
                        && endpoint.variables().contains("id"))
                .map(endpoint -> dynamicTest(endpoint.toString(), () -> {
                    String email = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
                    UUID shared = TestTenants.addUser(jdbc, home, email, "USER");
                    invite(otherAdmin, email, "", "USER");
                    assertThat(accept(Map.of("token", tokenIn(lastMailTo(email)), "password", TestTenants.PASSWORD),
                            null).getStatusCode()).isEqualTo(HttpStatus.OK);
                    Map<String, Object> before = account(shared);
                    String url = endpoint.path(Map.of("id", shared.toString()));
                    String body = endpoint.method().equals("PUT") ? "{\"name\":\"Taken over\",\"phone\":\"+1 555 0199\"}"
                            : null;
                    for (String admin : List.of(otherAdmin, homeAdmin)) {
                        assertThat(call(endpoint.method(), url, body, admin).getStatusCode().value())
                                .as("%s as an admin of one of its organizations", endpoint).isNotIn(401, 500);
                        assertThat(account(shared)).as("%s leaves the shared account alone", endpoint)
                                .isEqualTo(before);
                    }
                }));
    }

    @Test
    void theAdminOfTheOnlyOrganizationAndASuperAdminManageTheAccount() {
        UUID user = home.userId("USER");
        assertThat(call("PUT", "/api/v1/users/" + user, "{\"name\":\"Renamed at home\"}", homeAdmin).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(SignIn.post(http, "/api/v1/users/" + user + "/unlock", null, homeAdmin).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        invite(otherAdmin, home.email("USER"), "", "USER");
        String person = SignIn.accessToken(http, home.email("USER"));
        accept(Map.of("token", tokenIn(lastMailTo(home.email("USER")))), person);
        String superAdmin = SignIn.accessToken(http, other.email("SUPER_ADMIN"));
        assertThat(call("PUT", "/api/v1/users/" + user, "{\"name\":\"Renamed by the platform\"}", superAdmin)
                .getStatusCode()).as("a super admin acts on any account (here as a member of OTHER's view)")
                .isIn(HttpStatus.OK);
        assertThat(account(user).get("name")).isEqualTo("Renamed by the platform");
    }

    @Test
    void eachAdminActsOnTheMembershipInTheirOwnOrganizationOnly() {
        UUID user = home.userId("USER");
        invite(otherAdmin, home.email("USER"), "", "USER");
        String person = SignIn.accessToken(http, home.email("USER"));
        accept(Map.of("token", tokenIn(lastMailTo(home.email("USER")))), person);

        assertThat(call("PUT", "/api/v1/users/" + user, "{\"roleCode\":\"MANAGER\"}", otherAdmin).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(roleIn(home.email("USER"), other)).isEqualTo("MANAGER");
        assertThat(roleIn(home.email("USER"), home)).isEqualTo("USER");

        String inOther = SignIn.post(http, "/api/v1/auth/switch-org", Map.of("organizationId", other.organizationId()),
                SignIn.accessToken(http, home.email("USER"))).getBody().get("accessToken").asString();
        assertThat(SignIn.post(http, "/api/v1/users/" + user + "/suspend", null, otherAdmin).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(SignIn.get(http, "/api/v1/auth/me", inOther).getStatusCode())
                .as("suspended from OTHER: the session there ends at once").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(SignIn.get(http, "/api/v1/auth/me", SignIn.accessToken(http, home.email("USER"))).getStatusCode())
                .as("still working at home").isEqualTo(HttpStatus.OK);
        assertThat(SignIn.get(http, "/api/v1/users/" + user, otherAdmin).getBody().get("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(SignIn.post(http, "/api/v1/users/" + user + "/reinstate", null, otherAdmin).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(membershipStatus(home.email("USER"), other)).isEqualTo("ACTIVE");

        assertThat(call("DELETE", "/api/v1/users/" + user + "/membership", null, otherAdmin).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(SignIn.get(http, "/api/v1/users/" + user, otherAdmin).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/users/" + user, homeAdmin).getBody().get("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(auditActions(other)).contains("user.invited", "user.updated", "membership.suspended",
                "membership.reinstated", "membership.removed");
    }

    @Test
    void aTenantAdminNeverChangesASuperAdminsRoleOrMembership() {
        UUID superAdmin = home.userId("SUPER_ADMIN");

        ResponseEntity<JsonNode> demoted = call("PUT", "/api/v1/users/" + superAdmin, "{\"roleCode\":\"USER\"}", homeAdmin);

        assertThat(demoted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(roleIn(home.email("SUPER_ADMIN"), home)).isEqualTo("SUPER_ADMIN");
        for (String action : List.of("suspend", "deactivate")) {
            assertThat(SignIn.post(http, "/api/v1/users/" + superAdmin + "/" + action, null, homeAdmin).getStatusCode())
                    .as(action).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(call("DELETE", "/api/v1/users/" + superAdmin + "/membership", null, homeAdmin).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(account(superAdmin).get("status")).isEqualTo("ACTIVE");
        assertThat(membershipStatus(home.email("SUPER_ADMIN"), home)).isEqualTo("ACTIVE");
    }

    @Test
    void listsAndDetailsShowOnlyTheOrganizationsOwnMembers() {
        invite(otherAdmin, home.email("MANAGER"), "Invited Manager", "USER");

        JsonNode list = SignIn.get(http, "/api/v1/users?size=100", otherAdmin).getBody();
        List<String> emails = list.get("content").valueStream().map(user -> user.get("email").asString()).toList();
        assertThat(emails).contains(home.email("MANAGER")).doesNotContain(home.email("USER"), home.email("ADMIN"));
        assertThat(list.get("page").get("totalElements").asInt()).isEqualTo(TestTenants.ROLES.length + 1);
        assertThat(SignIn.get(http, "/api/v1/users/" + home.userId("USER"), otherAdmin).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // A search reads what OTHER typed, never the account's own name.
        assertThat(SignIn.get(http, "/api/v1/users?q=Test+MANAGER", otherAdmin).getBody().get("content").toString())
                .doesNotContain(home.email("MANAGER"));
        assertThat(SignIn.get(http, "/api/v1/users?q=invited+manager", otherAdmin).getBody().get("content").toString())
                .contains(home.email("MANAGER"));
    }

    private ResponseEntity<JsonNode> invite(String token, String email, String name, String role) {
        return SignIn.post(http, "/api/v1/users/invite", Map.of("email", email, "name", name, "roleCode", role), token);
    }

    private ResponseEntity<JsonNode> accept(Map<String, String> body, String accessToken) {
        return accessToken == null
                ? http.postForEntity("/api/v1/auth/accept-invite", SignIn.json(body), JsonNode.class)
                : SignIn.post(http, "/api/v1/auth/accept-invite", body, accessToken);
    }

    private ResponseEntity<JsonNode> call(String method, String url, String body, String token) {
        return http.exchange(url, HttpMethod.valueOf(method), new HttpEntity<>(body, SignIn.bearer(token)),
                JsonNode.class);
    }

    private Map<String, Object> account(UUID id) {
        return jdbc.queryForMap("select name, phone, status, updated_at from users where id = ?", id);
    }

    private String membershipStatus(String email, Tenant tenant) {
        return jdbc.queryForObject("select m.status from memberships m join users u on u.id = m.user_id "
                + "where u.email_normalized = ? and m.organization_id = ?", String.class, email, tenant.organizationId());
    }

    private String roleIn(String email, Tenant tenant) {
        return jdbc.queryForObject("select r.code from memberships m join users u on u.id = m.user_id "
                + "join roles r on r.id = m.role_id where u.email_normalized = ? and m.organization_id = ?",
                String.class, email, tenant.organizationId());
    }

    private List<String> auditActions(Tenant tenant) {
        return jdbc.queryForList("select action from audit_log where organization_id = ? order by id", String.class,
                tenant.organizationId());
    }

    private String lastMailTo(String address) {
        return jdbc.queryForObject("select body_text from email_outbox where to_address = ? order by created_at desc "
                + "limit 1", String.class, address);
    }

    private static Map<String, Object> withoutIdentity(JsonNode user) {
        Map<String, Object> fields = new HashMap<>();
        user.properties().forEach(field -> fields.put(field.getKey(), field.getValue().toString()));
        fields.remove("id");
        fields.remove("email");
        fields.remove("createdAt");
        return fields;
    }

    private static String tokenIn(String mail) {
        Matcher matcher = TOKEN.matcher(mail);
        assertThat(matcher.find()).as("a link with a token in: %s", mail).isTrue();
        return matcher.group(1);
    }
}
