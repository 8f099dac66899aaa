package app.covenant.insurance.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.DocumentFixtures;
import app.covenant.documents.DocumentUploads;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/cois} and {@code /api/v1/brokers} over HTTP: who sees which certificate (by id and in lists),
 * who may act (403), uploads (415, 413, 409), policy validation, compliance with an override, the review queue,
 * the expiring policies, downloads of a certificate's documents, {@code allowedActions} and the broker search.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoiApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CoiDocuments documents;

    private InsuranceFixtures fixtures;
    private Tenant tenant;
    private Tenant other;
    private final Map<String, String> tokens = new HashMap<>();
    private UUID gc;
    private UUID sub;
    private UUID project;
    private UUID coi;

    @BeforeAll
    void setUp() {
        fixtures = new InsuranceFixtures(jdbc);
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        fixtures.program(tenant, true);
        gc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Hudson Builders LLC", null);
        fixtures.link(gc, tenant.userId("CONTRACTOR"));
        UUID otherGc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Other Builders", null);
        fixtures.link(otherGc, TestTenants.addUser(jdbc, tenant, "gc2@" + tenant.code().toLowerCase() + ".test", "CONTRACTOR"));
        sub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Demo Electric", "office@demo-electric.test");
        fixtures.link(sub, tenant.userId("SUBCONTRACTOR"));
        UUID otherSub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Other Electric", null);
        fixtures.link(otherSub, TestTenants.addUser(jdbc, tenant, "sub2@" + tenant.code().toLowerCase() + ".test", "SUBCONTRACTOR"));
        TestTenants.addUser(jdbc, tenant, "broker2@" + tenant.code().toLowerCase() + ".test", "BROKER");
        project = fixtures.project(tenant, gc, "Hudson Tower", null, LocalDate.now().plusMonths(3), null);
        fixtures.assign(project, sub, "Electrical");
        for (String role : List.of("ADMIN", "MANAGER", "USER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER", "SUPER_ADMIN")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        tokens.put("GC2", SignIn.accessToken(http, "gc2@" + tenant.code().toLowerCase() + ".test"));
        tokens.put("SUB2", SignIn.accessToken(http, "sub2@" + tenant.code().toLowerCase() + ".test"));
        tokens.put("BROKER2", SignIn.accessToken(http, "broker2@" + tenant.code().toLowerCase() + ".test"));
        tokens.put("OTHER_ADMIN", SignIn.accessToken(http, other.email("ADMIN")));

        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/cois", Map.of("projectId", project,
                "subcontractorId", sub, "assignedAdminEmail", "Compliance@Hudson.test"), tokens.get("CONTRACTOR"));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        coi = UUID.fromString(created.getBody().get("id").asString());
        assertThat(created.getBody().get("status").asString()).isEqualTo("AWAITING_BROKER_INFO");
        assertThat(created.getBody().get("assignedAdminEmail").asString()).isEqualTo("compliance@hudson.test");
        ResponseEntity<JsonNode> named = exchange(HttpMethod.PUT, "/api/v1/cois/" + coi + "/broker-info", Map.of(
                "brokerType", "GLOBAL", "global", Map.of("name", "Brooke Broker", "company", "Acme Insurance",
                        "email", tenant.email("BROKER").toUpperCase(), "phone", "555-0100")), "SUBCONTRACTOR");
        assertThat(named.getStatusCode().value()).as("%s", named.getBody()).isEqualTo(200);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String who) {
        return http.exchange(path, method, new HttpEntity<>(body, SignIn.bearer(tokens.get(who))), JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String who, UUID id, String kind, String name, byte[] bytes) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        form.add("kind", kind);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.get(who));
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange("/api/v1/cois/" + id + "/documents", HttpMethod.POST, new HttpEntity<>(form, headers),
                JsonNode.class);
    }

    static Stream<Arguments> visibility() {
        return Stream.of(Arguments.of("ADMIN", 200), Arguments.of("MANAGER", 200), Arguments.of("SUPER_ADMIN", 200),
                Arguments.of("CONTRACTOR", 200), Arguments.of("GC2", 404), Arguments.of("SUBCONTRACTOR", 200),
                Arguments.of("SUB2", 404), Arguments.of("BROKER", 200), Arguments.of("BROKER2", 404),
                Arguments.of("OTHER_ADMIN", 404), Arguments.of("USER", 403));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("visibility")
    void who_sees_the_certificate_by_id_and_in_lists(String who, int expected) {
        ResponseEntity<JsonNode> byId = SignIn.get(http, "/api/v1/cois/" + coi, tokens.get(who));
        assertThat(byId.getStatusCode().value()).as("%s", byId.getBody()).isEqualTo(expected);
        ResponseEntity<JsonNode> list = SignIn.get(http, "/api/v1/cois?size=100", tokens.get(who));
        if (expected == 403) {
            assertThat(list.getStatusCode().value()).isEqualTo(403);
            return;
        }
        List<String> ids = new ArrayList<>();
        list.getBody().get("content").forEach(c -> ids.add(c.get("id").asString()));
        if (expected == 200) {
            assertThat(ids).contains(coi.toString());
            assertThat(list.getBody().get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        } else {
            assertThat(ids).doesNotContain(coi.toString());
        }
    }

    @Test
    void aBrokerAccountSharedWithAnotherOrganizationSeesNothingOfThisOneFromThere() {
        // The named broker's account is also a broker of the other organization (an account is global, a membership
        // belongs to one organization): signed in there, the broker relation of this organization counts for nothing.
        jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at, status) select ?, ?, ?, "
                + "r.id, now(), 'ACTIVE' from roles r where r.scope_key = 'system' and r.code = 'BROKER'", UUID.randomUUID(),
                tenant.userId("BROKER"), other.organizationId());
        String there = SignIn.post(http, "/api/v1/auth/switch-org", Map.of("organizationId", other.organizationId()),
                SignIn.accessToken(http, tenant.email("BROKER"))).getBody().get("accessToken").asString();
        String statusBefore = fixtures.status(coi);
        long policiesBefore = jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ?",
                Long.class, coi);

        assertThat(http.exchange("/api/v1/cois/" + coi, HttpMethod.GET, new HttpEntity<>(SignIn.bearer(there)),
                JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/cois?size=100", HttpMethod.GET, new HttpEntity<>(SignIn.bearer(there)),
                JsonNode.class).getBody().get("content").toString()).doesNotContain(coi.toString());
        assertThat(http.exchange("/api/v1/cois/" + coi + "/policies", HttpMethod.PUT, new HttpEntity<>(List.of(),
                SignIn.bearer(there)), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/cois/" + coi + "/submit-upload", HttpMethod.POST,
                new HttpEntity<>(SignIn.bearer(there)), JsonNode.class).getStatusCode().value()).isEqualTo(404);

        assertThat(fixtures.status(coi)).isEqualTo(statusBefore);
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ?", Long.class, coi))
                .isEqualTo(policiesBefore);
        assertThat(http.exchange("/api/v1/cois/" + coi, HttpMethod.GET, new HttpEntity<>(SignIn.bearer(
                SignIn.accessToken(http, tenant.email("BROKER")))), JsonNode.class).getStatusCode().value())
                .as("at home the same account still sees it").isEqualTo(200);
    }

    @Test
    void uploads_policies_compliance_override_and_approval_over_http() {
        UUID id = newCoiNamedToBroker();
        // The GC may not upload (no coi:upload), a broker not named on it does not see it.
        assertThat(upload("CONTRACTOR", id, "ACORD25", "acord.pdf", DocumentFixtures.pdf()).getStatusCode().value()).isEqualTo(403);
        assertThat(upload("BROKER2", id, "ACORD25", "acord.pdf", DocumentFixtures.pdf()).getStatusCode().value()).isEqualTo(404);
        // An ACORD 25 is a PDF or a photo (PNG, JPEG); a GIF or a text file is no document at all.
        assertThat(upload("BROKER", id, "ACORD25", "acord.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes())
                .getStatusCode().value()).isEqualTo(415);
        assertThat(upload("BROKER", id, "ACORD25", "acord.txt", "plain text".getBytes()).getStatusCode().value())
                .isEqualTo(415);
        assertThat(upload("BROKER", id, "POLICY", "notes.txt", "plain text".getBytes()).getStatusCode().value()).isEqualTo(415);
        assertThat(upload("BROKER", id, "NOT_A_KIND", "acord.pdf", DocumentFixtures.pdf()).getStatusCode().value()).isEqualTo(400);
        byte[] acordBytes = DocumentFixtures.pdf();
        ResponseEntity<JsonNode> acord = upload("BROKER", id, "ACORD25", "acord.pdf", acordBytes);
        assertThat(acord.getStatusCode().value()).as("%s", acord.getBody()).isEqualTo(201);
        String documentId = acord.getBody().get("documentId").asString();
        assertThat(upload("BROKER", id, "POLICY", "policy.png", png()).getStatusCode().value()).isEqualTo(201);
        assertThat(SignIn.get(http, "/api/v1/cois/" + id + "/documents", tokens.get("CONTRACTOR")).getBody()).hasSize(2);

        // Downloads: whoever sees the certificate reads its documents.
        assertThat(download(documentId, "CONTRACTOR").getStatusCode().value()).isEqualTo(200);
        assertThat(download(documentId, "BROKER").getBody()).isEqualTo(acordBytes);
        assertThat(download(documentId, "GC2").getStatusCode().value()).isEqualTo(404);

        // Policies: each mistake is a field error, and nothing is stored.
        Map<String, Object> gl = policy("GL", Map.of("EACH_OCCURRENCE", 500_000, "GENERAL_AGGREGATE", 2_000_000));
        for (Map<String, Object> bad : List.of(policy("GL", Map.of("COMBINED_SINGLE_LIMIT", 1)),
                policy("GL", Map.of("EACH_OCCURRENCE", -1)), withDates(gl, "2027-05-01", "2027-01-01"),
                policy("BOAT", Map.of()))) {
            ResponseEntity<JsonNode> refused = exchange(HttpMethod.PUT, "/api/v1/cois/" + id + "/policies", List.of(bad), "BROKER");
            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody().get("errors").get(0).get("field").asString()).startsWith("policies[0].");
        }
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ?", Integer.class, id)).isZero();
        ResponseEntity<JsonNode> saved = exchange(HttpMethod.PUT, "/api/v1/cois/" + id + "/policies", List.of(gl), "BROKER");
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        assertThat(saved.getBody().get("policies").get(0).get("limits").get("EACH_OCCURRENCE").asLong()).isEqualTo(500_000);
        assertThat(saved.getBody().get("allowedActions").toString()).contains("SUBMIT_UPLOAD").doesNotContain("SIGN");

        assertThat(exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/submit-upload", null, "BROKER").getStatusCode().value())
                .isEqualTo(200);
        // Uploads are closed while the broker signs.
        assertThat(upload("BROKER", id, "OTHER", "late.pdf", DocumentFixtures.pdf()).getStatusCode().value()).isEqualTo(409);
        assertThat(SignIn.get(http, "/api/v1/cois/" + id, tokens.get("BROKER")).getBody().get("allowedActions").toString())
                .contains("SIGN");
        assertThat(exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/sign", Map.of("signerName", "Brooke", "consent", false),
                "BROKER").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> signed = exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/sign",
                Map.of("signerName", "Brooke Broker", "consent", true), "BROKER");
        assertThat(signed.getBody().get("status").asString()).isEqualTo("AWAITING_ADMIN_REVIEW");

        List<String> queue = new ArrayList<>();
        SignIn.get(http, "/api/v1/cois/review-queue?size=100", tokens.get("MANAGER")).getBody().get("content")
                .forEach(c -> queue.add(c.get("id").asString()));
        assertThat(queue).contains(id.toString());

        JsonNode compliance = SignIn.get(http, "/api/v1/cois/" + id + "/compliance", tokens.get("MANAGER")).getBody();
        assertThat(compliance.get("compliant").asBoolean()).isFalse();
        assertThat(compliance.get("requirement").get("minimums").get("GL_EACH_OCCURRENCE").asLong()).isEqualTo(1_000_000);
        assertThat(compliance.get("findings").get(0).get("code").asString()).isEqualTo("GL_EACH_OCCURRENCE_BELOW_MINIMUM");
        assertThat(exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/review", Map.of("approved", true), "MANAGER")
                .getStatusCode().value()).isEqualTo(409);
        assertThat(exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/findings/override", Map.of("code",
                "GL_EACH_OCCURRENCE_BELOW_MINIMUM", "line", "GL", "reason", "too short"), "MANAGER").getStatusCode().value())
                .isEqualTo(400);
        ResponseEntity<JsonNode> overridden = exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/findings/override",
                Map.of("code", "GL_EACH_OCCURRENCE_BELOW_MINIMUM", "line", "GL", "reason", "The $5M umbrella covers it"),
                "MANAGER");
        assertThat(overridden.getBody().get("compliant").asBoolean()).isTrue();
        assertThat(overridden.getBody().get("findings").get(0).get("override").get("reason").asString())
                .isEqualTo("The $5M umbrella covers it");
        ResponseEntity<JsonNode> approved = exchange(HttpMethod.POST, "/api/v1/cois/" + id + "/review",
                Map.of("approved", true, "notes", "Fine"), "MANAGER");
        assertThat(approved.getBody().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.getBody().get("reviewDecision").asString()).isEqualTo("APPROVED");
        assertThat(approved.getBody().get("transitions")).hasSize(4);
        assertThat(approved.getBody().get("transitions").get(3).get("toStatus").asString()).isEqualTo("ACTIVE");
    }

    /**
     * Past the documents module's limit (25 MB by default): 413, nothing recorded. Called on the service, since the
     * servlet container cuts an oversized HTTP upload off before any answer can be read.
     */
    @Test
    void a_too_large_upload_answers_413() {
        UUID id = newCoiNamedToBroker();
        byte[] head = DocumentFixtures.pdf();
        java.io.InputStream huge = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head),
                new java.io.InputStream() {
                    private long left = 26L * 1024 * 1024;

                    @Override
                    public int read() {
                        return left-- > 0 ? 0 : -1;
                    }
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> documents.upload(fixtures.caller(tenant, "MANAGER"), id,
                "ACORD25", null, "big.pdf", huge)).isInstanceOfSatisfying(app.covenant.shared.problem.ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(413));
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_documents where coi_id = ?", Integer.class, id))
                .isZero();
    }

    private ResponseEntity<byte[]> download(String documentId, String who) {
        HttpHeaders headers = SignIn.bearer(tokens.get(who));
        headers.setContentType(null);
        return http.exchange("/api/v1/documents/" + documentId + "/content", HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
    }

    @Test
    void the_expiring_policies_and_the_broker_search() {
        UUID id = newCoiNamedToBroker();
        exchange(HttpMethod.PUT, "/api/v1/cois/" + id + "/policies", List.of(withDates(policy("GL", Map.of()),
                LocalDate.now().minusMonths(11).toString(), LocalDate.now().plusDays(10).toString())), "BROKER");
        jdbc.update("update insurance_cois set status = 'ACTIVE' where id = ?", id);
        JsonNode expiring = SignIn.get(http, "/api/v1/cois/expiring?days=30&size=100", tokens.get("CONTRACTOR")).getBody();
        List<String> ids = new ArrayList<>();
        expiring.get("content").forEach(p -> ids.add(p.get("coiId").asString()));
        assertThat(ids).contains(id.toString());
        assertThat(SignIn.get(http, "/api/v1/cois/expiring?days=5", tokens.get("CONTRACTOR")).getBody().get("content")
                .toString()).doesNotContain(id.toString());

        JsonNode found = SignIn.get(http, "/api/v1/brokers/search?q=brooke&policyType=GL", tokens.get("SUBCONTRACTOR")).getBody();
        assertThat(found.get("content").get(0).get("email").asString()).isEqualTo(tenant.email("BROKER"));
        assertThat(SignIn.get(http, "/api/v1/brokers/search?q=brooke", tokens.get("OTHER_ADMIN")).getBody()
                .get("content")).isEmpty();
        assertThat(SignIn.get(http, "/api/v1/brokers/search?policyType=BOAT", tokens.get("MANAGER")).getStatusCode()
                .value()).isEqualTo(400);
    }

    @Test
    void broker_info_is_validated_field_by_field() {
        UUID id = fixtures.project(tenant, gc, "Validation " + UUID.randomUUID(), null, null, null);
        fixtures.assign(id, sub);
        UUID created = UUID.fromString(SignIn.post(http, "/api/v1/cois", Map.of("projectId", id, "subcontractorId", sub),
                tokens.get("MANAGER")).getBody().get("id").asString());
        ResponseEntity<JsonNode> noGlobal = exchange(HttpMethod.PUT, "/api/v1/cois/" + created + "/broker-info",
                Map.of("brokerType", "GLOBAL"), "SUBCONTRACTOR");
        assertThat(noGlobal.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> badEmail = exchange(HttpMethod.PUT, "/api/v1/cois/" + created + "/broker-info",
                Map.of("brokerType", "PER_POLICY", "perPolicy", Map.of("GL", Map.of("name", "X", "email", "not-an-address"))),
                "SUBCONTRACTOR");
        assertThat(badEmail.getBody().get("errors").get(0).get("field").asString()).isEqualTo("perPolicy.GL.email");
        assertThat(exchange(HttpMethod.PUT, "/api/v1/cois/" + created + "/broker-info", Map.of("brokerType", "GLOBAL",
                "global", Map.of("name", "X", "email", "x@y.test")), "SUB2").getStatusCode().value()).isEqualTo(404);
        assertThat(fixtures.status(created)).isEqualTo("AWAITING_BROKER_UPLOAD");
    }

    /** A new project for the sub, whose request starts with the sub's known (global) broker: awaiting upload. */
    private UUID newCoiNamedToBroker() {
        UUID newProject = fixtures.project(tenant, gc, "Project " + UUID.randomUUID(), null, LocalDate.now().plusMonths(3), null);
        fixtures.assign(newProject, sub);
        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/cois", Map.of("projectId", newProject,
                "subcontractorId", sub), tokens.get("MANAGER"));
        assertThat(created.getBody().get("status").asString()).isEqualTo("AWAITING_BROKER_UPLOAD");
        return UUID.fromString(created.getBody().get("id").asString());
    }

    private static Map<String, Object> policy(String line, Map<String, Object> limits) {
        Map<String, Object> row = new HashMap<>();
        row.put("line", line);
        row.put("insurerName", "Insurer A");
        row.put("policyNumber", line + "-1");
        row.put("effectiveDate", LocalDate.now().minusMonths(1).toString());
        row.put("expirationDate", LocalDate.now().plusYears(1).toString());
        row.put("limits", limits);
        row.put("additionalInsured", true);
        row.put("waiverOfSubrogation", true);
        return row;
    }

    private static Map<String, Object> withDates(Map<String, Object> policy, String effective, String expiration) {
        Map<String, Object> row = new HashMap<>(policy);
        row.put("effectiveDate", effective);
        row.put("expirationDate", expiration);
        return row;
    }

    private static byte[] png() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
