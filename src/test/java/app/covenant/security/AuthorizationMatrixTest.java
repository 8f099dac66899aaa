package app.covenant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import app.covenant.identity.internal.PermissionCatalog;
import app.covenant.security.MatrixHttp.Response;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * SECURITY.md "Authorization": every endpoint × every system role × anonymous, and a user of another
 * organization, generated from the running application's own route list — a new endpoint is in the
 * matrix the moment it exists, and fails it until it declares who may call it.
 *
 * <p>The expectation comes from the endpoint's declaration ({@link AccessRule}): allowed roles must
 * get past authorization (anything but 401/403 — a 400 for the empty body or a 404 for a random id
 * is fine), the others 403, anonymous 401 (a page: the redirect to the sign-in page). Every id in a
 * path must answer 404 to another organization's user who holds the permission ({@link TenantRecords}).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "covenant.ratelimit.per-minute=100000", "covenant.ratelimit.auth-per-minute=100000",
        "covenant.ratelimit.requests-per-minute=100000", "covenant.ratelimit.auth-requests-per-minute=100000"})
class AuthorizationMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    /** State-changing routes that may end the caller's own session: called with a spare sign-in. */
    private static final Pattern MAY_END_SESSION = Pattern.compile("(?i)(logout|log-out|sign-?out|password)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Validator validator;

    @Autowired
    PermissionCatalog catalog;

    @LocalServerPort
    int port;

    private List<Endpoint> endpoints;
    private Tenant home;
    private Tenant other;
    private Map<String, String> homeTokens;
    private Map<String, String> otherTokens;
    private final MatrixReport report = new MatrixReport();
    private MatrixFixtures fixtures;
    private MatrixHttp client;
    private SampleRequests samples;

    @BeforeAll
    void signInEveryRoleOnce() {
        assertThat(TestTenants.ROLES).containsExactlyInAnyOrderElementsOf(AccessRule.ROLES);
        endpoints = ApplicationEndpoints.of(mapping);
        fixtures = new MatrixFixtures(jdbc);
        client = new MatrixHttp(port);
        samples = new SampleRequests(validator);
        home = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        // The matrix checks authorization, not sign-in: cheap hashes make twenty sign-ins take milliseconds.
        fixtures.cheapPasswords(home);
        fixtures.cheapPasswords(other);
        homeTokens = signIn(home);
        otherTokens = signIn(other);
        calibrateCsrf();
    }

    @AfterAll
    void summary() {
        report.print(endpoints.size(), AccessRule.ROLES.size(), client.csrfStyle().name());
    }

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        assertThat(endpoints).as("the application's routes").extracting(Endpoint::toString)
                .contains("GET /api/v1/auth/me", "POST /api/v1/auth/login")
                .noneMatch(route -> route.contains("test-probe"));
        List<String> offenders = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            try {
                AccessRule.of(endpoint.handler(), catalog);
            } catch (AccessRule.Undeclared undeclared) {
                offenders.add(endpoint + " (" + endpoint.handlerName() + "): " + undeclared.getMessage());
            }
        }
        assertThat(offenders).as("Every endpoint must carry @PreAuthorize or @PermitAll that the matrix understands; "
                + "these do not").isEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointAsEveryRoleAndAnonymous() {
        return endpoints.stream().map(endpoint -> {
            AccessRule rule;
            try {
                rule = AccessRule.of(endpoint.handler(), catalog);
            } catch (AccessRule.Undeclared undeclared) {
                return dynamicContainer(endpoint.toString(), Stream.of(dynamicTest("declares who may call it",
                        () -> fail(endpoint + " (" + endpoint.handlerName() + ") " + undeclared.getMessage()))));
            }
            Stream<DynamicTest> roles = AccessRule.ROLES.stream()
                    .map(role -> dynamicTest(role, () -> callAsRole(endpoint, rule, role)));
            Stream<DynamicTest> anonymous = Stream.of(dynamicTest(ANONYMOUS, () -> callAnonymously(endpoint, rule)));
            return dynamicContainer(endpoint + " " + rule.declaration(), Stream.concat(roles, anonymous));
        });
    }

    @TestFactory
    Stream<DynamicContainer> anotherOrganizationsUserGetsNotFound() {
        return endpoints.stream()
                .filter(endpoint -> endpoint.variables().stream().anyMatch(endpoint::isIdVariable))
                .map(endpoint -> dynamicContainer(endpoint.toString(), crossTenantCalls(endpoint)));
    }

    private Stream<DynamicTest> crossTenantCalls(Endpoint endpoint) {
        AccessRule rule;
        try {
            rule = AccessRule.of(endpoint.handler(), catalog);
        } catch (AccessRule.Undeclared undeclared) {
            return Stream.of(dynamicTest("declares who may call it",
                    () -> fail(endpoint + " (" + endpoint.handlerName() + ") " + undeclared.getMessage())));
        }
        List<String> missing = endpoint.variables().stream().filter(endpoint::isIdVariable)
                .filter(variable -> TenantRecords.find(endpoint, variable).isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Stream.of(dynamicTest("has a TenantRecords entry",
                    () -> fail(TenantRecords.missing(endpoint, missing.getFirst()))));
        }
        List<TenantRecords.Entry> tenantRecords = endpoint.variables().stream()
                .map(variable -> TenantRecords.find(endpoint, variable).orElseThrow())
                .filter(TenantRecords.Entry::tenantOwned).toList();
        return AccessRule.ROLES.stream()
                .filter(role -> !tenantRecords.isEmpty() && rule.allows(role))
                .filter(role -> tenantRecords.stream().noneMatch(entry -> entry.seeAcross().contains(role)))
                .map(role -> dynamicTest(role + " of another organization", () -> {
                    String path = endpoint.path(crossTenantValues(endpoint, role));
                    // A request that passes validation, so the answer comes from looking the record up.
                    SampleRequests.Sample sample = samples.of(endpoint);
                    report.called();
                    Response response = client.call(endpoint, path, otherTokens.get(role), formPages(endpoint, path),
                            sample);
                    if (response.status() != 404) {
                        fail("%s as %s of another organization, with the id of a record of the first one (%s%s): "
                                        + "expected 404, got %s", endpoint, role, path,
                                sample.jsonBody() == null ? "" : ", body " + sample.jsonBody(), response);
                    }
                }));
    }

    private void callAsRole(Endpoint endpoint, AccessRule rule, String role) {
        String token = mayEndSession(endpoint, rule) ? SignIn.accessToken(http, fixtures.spareUser(home, role))
                : homeTokens.get(role);
        String path = endpoint.path(ownValues(endpoint, role));
        Response response = call(endpoint, path, token);
        String who = role + " (" + rule.declaration() + ")";
        if (rule.allows(role)) {
            expectAllowed(endpoint, path, role, who, response);
        } else if (response.status() != 403) {
            fail("%s %s as %s: expected 403, got %s%s", endpoint, path, who, response, response.status() == 400
                    ? " — the request was bound and validated before authorization was checked (Spring MVC resolves "
                    + "@RequestBody/@RequestParam before the @PreAuthorize proxy runs): a caller without the "
                    + "permission must be refused before anything about the request is looked at" : "");
        }
    }

    private void callAnonymously(Endpoint endpoint, AccessRule rule) {
        String path = endpoint.path(ownValues(endpoint, "USER"));
        Response response = call(endpoint, path, null);
        if (rule.permitAll()) {
            expectAllowed(endpoint, path, ANONYMOUS, ANONYMOUS, response);
            return;
        }
        boolean signInFirst = response.status() == 401 || (endpoint.page() && response.redirectsToSignIn());
        if (!signInFirst) {
            fail("%s %s as anonymous: expected 401%s, got %s", endpoint, path,
                    endpoint.page() ? " or a redirect to /login" : "", response);
        }
    }

    private void expectAllowed(Endpoint endpoint, String path, String caller, String who, Response response) {
        if (response.status() == 401 || response.status() == 403 || response.redirectsToSignIn()) {
            fail("%s %s as %s: expected to get past authorization (anything but 401/403), got %s%s", endpoint, path,
                    who, response, endpoint.page() && endpoint.changesState() && response.status() == 403
                            ? " — if every state-changing page fails so, the CSRF token handling changed (MatrixHttp)"
                            : "");
        }
        if (response.status() >= 500 || response.brokeOff()) {
            report.serverError(endpoint, caller, response);
        }
    }

    private Response call(Endpoint endpoint, String path, String accessToken) {
        report.called();
        return client.call(endpoint, path, accessToken, formPages(endpoint, path));
    }

    /** Values from the caller's own organization: real records where TenantRecords knows how, else a random UUID. */
    private Map<String, String> ownValues(Endpoint endpoint, String role) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : endpoint.variables()) {
            Optional<TenantRecords.Entry> entry = TenantRecords.find(endpoint, variable);
            if (entry.isPresent()) {
                values.put(variable, entry.get().own(fixtures, home, role));
            } else if (endpoint.isIdVariable(variable)) {
                values.put(variable, UUID.randomUUID().toString());
            } else {
                throw new AssertionError(TenantRecords.missing(endpoint, variable));
            }
        }
        return values;
    }

    /** The first organization's records for the ids; everything else from the caller's own (the other) one. */
    private Map<String, String> crossTenantValues(Endpoint endpoint, String role) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : endpoint.variables()) {
            TenantRecords.Entry entry = TenantRecords.find(endpoint, variable)
                    .orElseThrow(() -> new AssertionError(TenantRecords.missing(endpoint, variable)));
            values.put(variable, entry.tenantOwned() ? entry.another(fixtures, home, role) : entry.own(fixtures, other, role));
        }
        return values;
    }

    /** Where a browser would have got its CSRF token: the route's own form page, else the home or sign-in page. */
    private List<String> formPages(Endpoint endpoint, String path) {
        List<String> pages = new ArrayList<>();
        if (endpoint.page() && endpoint.changesState()) {
            boolean ownForm = endpoints.stream().anyMatch(candidate -> candidate.page()
                    && candidate.method().equals("GET") && candidate.pattern().equals(endpoint.pattern()));
            if (ownForm) {
                pages.add(path);
            }
            pages.add("/");
            pages.add("/login");
        }
        return pages;
    }

    private boolean mayEndSession(Endpoint endpoint, AccessRule rule) {
        return endpoint.changesState() && !rule.permitAll() && MAY_END_SESSION.matcher(endpoint.pattern()).find();
    }

    private void calibrateCsrf() {
        endpoints.stream()
                .filter(endpoint -> endpoint.page() && endpoint.changesState() && endpoint.variables().isEmpty())
                .filter(endpoint -> {
                    try {
                        return AccessRule.of(endpoint.handler(), catalog).permitAll();
                    } catch (AccessRule.Undeclared undeclared) {
                        return false;
                    }
                })
                .findFirst()
                .ifPresent(endpoint -> client.calibrate(endpoint, endpoint.pattern(),
                        formPages(endpoint, endpoint.pattern())));
    }

    private Map<String, String> signIn(Tenant tenant) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : AccessRule.ROLES) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        return tokens;
    }
}
