package app.covenant.insurance.certificates;

import static app.covenant.support.PageClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.DocumentFixtures;
import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The certificate pages per role: who sees which forms (only those of {@code allowedActions}), 404 for another
 * organization's or another party's certificate, the page images of the review (PNG of a PDF, 404 across
 * certificates and organizations), the request, broker and policy forms' round trips with field errors and the
 * user's input kept, 409 shown on the page, and the list's filters and portal.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoiPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private InsuranceFixtures fixtures;
    private Tenant tenant;
    private Tenant other;
    private UUID gc;
    private UUID sub;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void setUp() {
        fixtures = new InsuranceFixtures(jdbc);
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        fixtures.program(tenant, true);
        gc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Hudson Builders LLC", null);
        fixtures.link(gc, tenant.userId("CONTRACTOR"));
        sub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Demo Electric", "office@demo-electric.test");
        fixtures.link(sub, tenant.userId("SUBCONTRACTOR"));
        UUID otherSub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Other Electric", null);
        String code = tenant.code().toLowerCase();
        fixtures.link(otherSub, TestTenants.addUser(jdbc, tenant, "sub2@" + code + ".test", "SUBCONTRACTOR"));
        TestTenants.addUser(jdbc, tenant, "broker2@" + code + ".test", "BROKER");
        for (String role : List.of("ADMIN", "MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        tokens.put("SUB2", SignIn.accessToken(http, "sub2@" + code + ".test"));
        tokens.put("BROKER2", SignIn.accessToken(http, "broker2@" + code + ".test"));
        tokens.put("OTHER_ADMIN", SignIn.accessToken(http, other.email("ADMIN")));
    }

    private PageClient as(String who) {
        return new PageClient(port, tokens.get(who));
    }

    /**
     * A new project with a new sub (the SUBCONTRACTOR user's company, with no brokers named yet) assigned and a
     * certificate requested by the GC through the API.
     */
    private UUID requested(String projectName) {
        UUID project = fixtures.project(tenant, gc, projectName, null, LocalDate.now().plusMonths(6), null);
        UUID company = fixtures.contractor(tenant, "SUBCONTRACTOR", "Sub of " + projectName, null);
        fixtures.link(company, tenant.userId("SUBCONTRACTOR"));
        fixtures.assign(project, company, "Electrical");
        var created = SignIn.post(http, "/api/v1/cois", Map.of("projectId", project, "subcontractorId", company),
                tokens.get("CONTRACTOR"));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return UUID.fromString(created.getBody().get("id").asString());
    }

    /** A certificate whose sub named the tenant's BROKER user through the page. */
    private UUID named(String projectName) {
        UUID coi = requested(projectName);
        String page = "/insurance/certificates/" + coi;
        HttpResponse<String> saved = as("SUBCONTRACTOR").post(page, page + "/brokers", Map.of("brokerType", "GLOBAL",
                "global.name", "Brooke Broker", "global.company", "Acme Insurance", "global.email",
                tenant.email("BROKER"), "global.phone", "555-0100"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        return coi;
    }

    private HttpResponse<String> uploadAcord(String who, UUID coi) {
        String page = "/insurance/certificates/" + coi;
        return as(who).upload(page, page + "/documents", "acord25.pdf", DocumentFixtures.pdf(2),
                Map.of("kind", "ACORD25", "policyLine", ""));
    }

    private static List<String[]> glRow(String eachOccurrence) {
        return List.of(field("policies[0].line", "GL"), field("policies[0].insurerName", "Hartford Fire"),
                field("policies[0].naic", "19682"), field("policies[0].policyNumber", "GL-1001"),
                field("policies[0].effectiveDate", LocalDate.now().minusDays(10).toString()),
                field("policies[0].expirationDate", LocalDate.now().plusYears(1).toString()),
                field("policies[0].limits.EACH_OCCURRENCE", eachOccurrence),
                field("policies[0].limits.GENERAL_AGGREGATE", "2,000,000"));
    }

    @Test
    void the_sub_names_brokers_only_on_its_own_certificate_and_the_gc_sees_no_form() {
        UUID coi = requested("Name Brokers Tower");
        String page = "/insurance/certificates/" + coi;
        HttpResponse<String> asSub = as("SUBCONTRACTOR").get(page);
        assertThat(asSub.statusCode()).isEqualTo(200);
        assertThat(asSub.body()).contains("id=\"brokers-form\"").contains("Waiting for the sub to name a broker")
                .doesNotContain("id=\"upload\"").doesNotContain("id=\"coi-review-link\"");

        HttpResponse<String> asGc = as("CONTRACTOR").get(page);
        assertThat(asGc.statusCode()).isEqualTo(200);
        assertThat(asGc.body()).doesNotContain("id=\"brokers-form\"").doesNotContain("id=\"upload\"")
                .doesNotContain("id=\"coi-review-link\"").doesNotContain("id=\"policies\"");

        assertThat(as("SUB2").get(page).statusCode()).isEqualTo(404);
        assertThat(as("OTHER_ADMIN").get(page).statusCode()).isEqualTo(404);
        assertThat(as("BROKER2").get(page).statusCode()).isEqualTo(404);
        assertThat(as("SUB2").post("/insurance/certificates", page + "/brokers", Map.of("brokerType", "GLOBAL"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void the_broker_form_keeps_the_input_beside_its_errors_then_names_the_broker() {
        UUID coi = requested("Broker Form Plaza");
        String page = "/insurance/certificates/" + coi;
        HttpResponse<String> refused = as("SUBCONTRACTOR").post(page, page + "/brokers", Map.of("brokerType", "GLOBAL",
                "global.name", "", "global.company", "Acme Kept", "global.email", "not-an-address"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"broker-GLOBAL-name-error\"").contains("id=\"broker-GLOBAL-email-error\"")
                .contains("value=\"Acme Kept\"").contains("value=\"not-an-address\"");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_BROKER_INFO");

        HttpResponse<String> saved = as("SUBCONTRACTOR").post(page, page + "/brokers", Map.of("brokerType", "PER_POLICY",
                "perPolicy.GL.name", "Brooke Broker", "perPolicy.GL.email", tenant.email("BROKER")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(page + "?done=coi-brokers-named");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_BROKER_UPLOAD");
        HttpResponse<String> after = as("SUBCONTRACTOR").get(page + "?done=coi-brokers-named");
        assertThat(after.body()).contains("The brokers are named").contains("Brooke Broker");
    }

    @Test
    void the_named_broker_sees_the_upload_and_the_policy_form_keeps_unreadable_input() {
        UUID coi = named("Upload Court");
        String page = "/insurance/certificates/" + coi;
        HttpResponse<String> asBroker = as("BROKER").get(page);
        assertThat(asBroker.statusCode()).isEqualTo(200);
        assertThat(asBroker.body()).contains("id=\"upload\"").contains("id=\"policies\"").contains("Submit and attest")
                .doesNotContain("id=\"brokers-form\"");
        assertThat(as("SUBCONTRACTOR").get(page).body()).contains("id=\"upload\"")
                .contains("Submit for the broker’s attestation");
        assertThat(as("CONTRACTOR").get(page).body()).doesNotContain("id=\"upload\"");
        assertThat(as("BROKER2").get(page).statusCode()).isEqualTo(404);

        // Submitting before the ACORD 25 is there, without a signature: refused, nothing stored.
        List<String[]> fields = new java.util.ArrayList<>(glRow("1,000,000"));
        fields.add(field("intent", "submit"));
        HttpResponse<String> unsigned = as("BROKER").post(page, page + "/policies", fields);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("id=\"coi-signer-error\"").contains("id=\"coi-consent-error\"")
                .contains("value=\"GL-1001\"");

        List<String[]> bad = new java.util.ArrayList<>(List.of(field("policies[3].line", "GL"),
                field("policies[3].insurerName", "Kept Insurer"), field("policies[3].effectiveDate", "2027-02-30"),
                field("policies[3].expirationDate", "2026-01-01"),
                field("policies[3].limits.EACH_OCCURRENCE", "one million"), field("intent", "save")));
        HttpResponse<String> unreadable = as("BROKER").post(page, page + "/policies", bad);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("id=\"policy-0-effective-error\"")
                .contains("id=\"policy-0-GL-EACH_OCCURRENCE-error\"").contains("value=\"Kept Insurer\"")
                .contains("value=\"one million\"");
        assertThat(jdbc.queryForObject("select count(*) from insurance_coi_policies where coi_id = ?", Integer.class, coi))
                .isZero();

        // The workflow's own check (expiration before effective) comes back beside the field too.
        List<String[]> reversed = List.of(field("policies[0].line", "GL"),
                field("policies[0].effectiveDate", "2027-02-01"), field("policies[0].expirationDate", "2026-01-01"),
                field("intent", "save"));
        HttpResponse<String> invalid = as("BROKER").post(page, page + "/policies", reversed);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"policy-0-expiration-error\"");

        HttpResponse<String> uploaded = uploadAcord("BROKER", coi);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        List<String[]> signed = new java.util.ArrayList<>(glRow("1,000,000"));
        signed.addAll(List.of(field("intent", "submit"), field("signerName", "Brooke Broker"),
                field("consent", "true")));
        HttpResponse<String> submitted = as("BROKER").post(page, page + "/policies", signed);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("?done=coi-submitted-attested");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_ADMIN_REVIEW");
        assertThat(jdbc.queryForObject("select l.amount from insurance_coi_policy_limits l join insurance_coi_policies p "
                + "on p.id = l.policy_id where p.coi_id = ? and l.limit_key = 'EACH_OCCURRENCE'", Long.class, coi))
                .isEqualTo(1_000_000L);

        // Now the broker's forms are gone and a stale post answers 409 on the page.
        assertThat(as("BROKER").get(page).body()).doesNotContain("id=\"upload\"").doesNotContain("id=\"policies\"");
        HttpResponse<String> stale = as("BROKER").post(page, page + "/resubmit", Map.of());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("This certificate is now “Awaiting admin review”");

        HttpResponse<String> asManager = as("MANAGER").get(page);
        assertThat(asManager.body()).contains("id=\"coi-review-link\"");
        assertThat(as("CONTRACTOR").get(page).body()).doesNotContain("id=\"coi-review-link\"");
        HttpResponse<String> queue = as("MANAGER").get("/insurance/review");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("data-coi=\"" + coi + "\"").contains("Upload Court");
        assertThat(as("BROKER").get("/insurance/review").statusCode()).isEqualTo(403);
        assertThat(as("BROKER").get(page + "/review").statusCode()).isEqualTo(403);
    }

    @Test
    void the_review_page_draws_the_acord_pages_and_only_for_who_sees_the_certificate() throws IOException {
        UUID coi = named("Image Yard");
        uploadAcord("BROKER", coi);
        UUID other = named("Other Image Yard");
        uploadAcord("BROKER", other);
        UUID document = jdbc.queryForObject("select document_id from insurance_coi_documents where coi_id = ?", UUID.class, coi);
        UUID otherDocument = jdbc.queryForObject("select document_id from insurance_coi_documents where coi_id = ?",
                UUID.class, other);
        String image = "/insurance/certificates/" + coi + "/documents/" + document + "/pages/1.png";

        HttpResponse<byte[]> png = as("SUBCONTRACTOR").bytes(image);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
        assertThat(png.headers().firstValue("Cache-Control").orElseThrow()).contains("private").contains("max-age=300");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(drawn.getWidth()).isGreaterThan(800);
        assertThat(as("MANAGER").bytes(image.replace("/1.png", "/2.png")).statusCode()).isEqualTo(200);
        assertThat(as("MANAGER").bytes(image.replace("/1.png", "/3.png")).statusCode()).isEqualTo(404);
        assertThat(as("OTHER_ADMIN").bytes(image).statusCode()).isEqualTo(404);
        assertThat(as("SUB2").bytes(image).statusCode()).isEqualTo(404);
        assertThat(as("MANAGER").bytes("/insurance/certificates/" + coi + "/documents/" + otherDocument + "/pages/1.png")
                .statusCode()).isEqualTo(404);

        HttpResponse<String> review = as("MANAGER").get("/insurance/certificates/" + coi + "/review");
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains(image).contains(image.replace("/1.png", "/2.png"))
                .contains("not waiting for review");
    }

    @Test
    void the_gc_requests_a_certificate_through_the_form_and_a_second_request_is_refused() {
        UUID project = fixtures.project(tenant, gc, "Request Form Hall", null, LocalDate.now().plusMonths(6), null);
        fixtures.assign(project, sub, "Electrical");
        HttpResponse<String> form = as("CONTRACTOR").get("/insurance/certificates/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Request Form Hall — Demo Electric");
        assertThat(as("SUBCONTRACTOR").get("/insurance/certificates/new").statusCode()).isEqualTo(403);

        HttpResponse<String> missing = as("CONTRACTOR").post("/insurance/certificates/new", "/insurance/certificates",
                Map.of("assignment", "", "assignedAdminEmail", "kept@example"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"coi-assignment-error\"").contains("value=\"kept@example\"");

        Map<String, String> fields = Map.of("assignment", project + "/" + sub, "assignedAdminEmail", "");
        HttpResponse<String> created = as("CONTRACTOR").post("/insurance/certificates/new", "/insurance/certificates", fields);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).contains("?done=coi-requested");
        HttpResponse<String> again = as("CONTRACTOR").post("/insurance/certificates/new", "/insurance/certificates", fields);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already has a certificate in progress");
    }

    @Test
    void the_list_filters_by_status_and_is_the_sub_s_portal() {
        UUID waiting = requested("Portal Gardens");
        HttpResponse<String> portal = as("SUBCONTRACTOR").get("/insurance/certificates");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Waiting for you").contains("data-call-to-action=\"" + waiting + "\"")
                .contains("Name your broker").doesNotContain("Nothing waits for you");
        assertThat(portal.body()).doesNotContain("Request a certificate");

        HttpResponse<String> gcList = as("CONTRACTOR").get("/insurance/certificates?status=AWAITING_BROKER_INFO");
        assertThat(gcList.statusCode()).isEqualTo(200);
        assertThat(gcList.body()).contains("data-coi=\"" + waiting + "\"").contains("Request a certificate")
                .doesNotContain("Waiting for you");
        HttpResponse<String> active = as("CONTRACTOR").get("/insurance/certificates?status=ACTIVE");
        assertThat(active.body()).doesNotContain("data-coi=\"" + waiting + "\"");
        assertThat(as("OTHER_ADMIN").get("/insurance/certificates").body()).doesNotContain("data-coi=\"" + waiting + "\"");
    }

    @Test
    void the_review_forms_keep_the_reviewer_s_input_and_approval_waits_for_the_findings() {
        UUID coi = named("Review Forms Square");
        String page = "/insurance/certificates/" + coi;
        uploadAcord("BROKER", coi);
        List<String[]> short_ = new java.util.ArrayList<>(glRow("500,000"));
        short_.addAll(List.of(field("intent", "submit"), field("signerName", "Brooke Broker"),
                field("consent", "true")));
        assertThat(as("BROKER").post(page, page + "/policies", short_).statusCode()).isEqualTo(302);
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_ADMIN_REVIEW");
        String review = page + "/review";

        HttpResponse<String> opened = as("MANAGER").get(review);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("id=\"review-decision\"").contains("data-overridden=\"false\"")
                .contains("id=\"deficiency-0-message\"").doesNotContain("not waiting for review");
        java.util.regex.Matcher finding = java.util.regex.Pattern.compile("name=\"code\" value=\"([^\"]+)\">\\s*"
                + "<input type=\"hidden\" name=\"line\"(?: value=\"([^\"]*)\")?>").matcher(opened.body());
        assertThat(finding.find()).as("an override form").isTrue();
        String code = finding.group(1);
        String line = finding.group(2) == null ? "" : finding.group(2);

        HttpResponse<String> approve = as("MANAGER").post(review, review,
                Map.of("decision", "approve"));
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.body()).contains("open finding");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_ADMIN_REVIEW");

        HttpResponse<String> tooShort = as("MANAGER").post(review, review + "/override",
                Map.of("code", code, "line", line, "reason", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("value=\"short\"").contains("class=\"field-error\"");

        HttpResponse<String> blank = as("MANAGER").post(review, review, List.of(field("decision", "reject"),
                field("deficiencies[0].code", "GL_LIMIT"), field("deficiencies[0].message", ""),
                field("deficiencies[4].code", "KEPT_CODE"), field("deficiencies[4].message", "Kept message"),
                field("notes", "Kept notes")));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"deficiency-0-message-error\"").contains("value=\"KEPT_CODE\"")
                .contains("Kept notes");

        HttpResponse<String> unreadable = as("MANAGER").post(review, review + "/policies",
                List.of(field("policies[0].line", "GL"), field("policies[0].limits.EACH_OCCURRENCE", "lots")));
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("id=\"policy-0-GL-EACH_OCCURRENCE-error\"").contains("value=\"lots\"");

        HttpResponse<String> overridden = as("MANAGER").post(review, review + "/override",
                Map.of("code", code, "line", line, "reason", "The owner accepted this limit in writing."));
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(302);
        assertThat(as("MANAGER").get(review).body()).contains("data-overridden=\"true\"")
                .doesNotContain("data-overridden=\"false\"");
        HttpResponse<String> approved = as("MANAGER").post(review, review, Map.of("decision", "approve"));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith(page + "?done=coi-approved");
        assertThat(fixtures.status(coi)).isEqualTo("ACTIVE");
    }

    @Test
    void the_sub_submits_for_the_broker_who_then_only_attests() {
        UUID coi = named("Attest Only Row");
        String page = "/insurance/certificates/" + coi;
        assertThat(uploadAcord("SUBCONTRACTOR", coi).statusCode()).isEqualTo(302);
        List<String[]> fields = new java.util.ArrayList<>(glRow("1,000,000"));
        fields.add(field("intent", "submit"));
        HttpResponse<String> submitted = as("SUBCONTRACTOR").post(page, page + "/policies", fields);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("?done=coi-submitted");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_BROKER_SIGNATURE");

        HttpResponse<String> asBroker = as("BROKER").get(page);
        assertThat(asBroker.body()).contains("id=\"attest\"").doesNotContain("id=\"policies\"")
                .contains("id=\"coi-policy-table\"").contains("GL-1001");
        assertThat(as("SUBCONTRACTOR").get(page).body()).doesNotContain("id=\"attest\"");

        HttpResponse<String> unsigned = as("BROKER").post(page, page + "/sign", Map.of("signerName", "Kept Name"));
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("id=\"sign-consent-error\"").contains("value=\"Kept Name\"");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_BROKER_SIGNATURE");

        HttpResponse<String> signed = as("BROKER").post(page, page + "/sign",
                Map.of("signerName", "Brooke Broker", "consent", "true"));
        assertThat(signed.statusCode()).isEqualTo(302);
        assertThat(signed.headers().firstValue("Location").orElseThrow()).endsWith("?done=coi-attested");
        assertThat(fixtures.status(coi)).isEqualTo("AWAITING_ADMIN_REVIEW");
    }

    @Test
    void per_policy_brokers_each_enter_their_own_lines() {
        UUID coi = requested("Per Policy Pier");
        String page = "/insurance/certificates/" + coi;
        String broker2 = "broker2@" + tenant.code().toLowerCase() + ".test";
        HttpResponse<String> named = as("SUBCONTRACTOR").post(page, page + "/brokers", Map.of("brokerType", "PER_POLICY",
                "perPolicy.GL.name", "Brooke Broker", "perPolicy.GL.email", tenant.email("BROKER"),
                "perPolicy.AUTO.name", "Avery Auto", "perPolicy.AUTO.email", broker2));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(302);

        HttpResponse<String> gl = as("BROKER").post(page, page + "/policies", List.of(
                field("policies[0].line", "GL"), field("policies[0].policyNumber", "GL-7"),
                field("policies[0].effectiveDate", LocalDate.now().toString()),
                field("policies[0].expirationDate", LocalDate.now().plusYears(1).toString()),
                field("policies[0].limits.EACH_OCCURRENCE", "1,000,000"), field("intent", "save")));
        assertThat(gl.statusCode()).as(gl.body()).isEqualTo(302);

        HttpResponse<String> asAuto = as("BROKER2").get(page);
        assertThat(asAuto.body()).contains("You are named for").contains("id=\"coi-policy-table\"").contains("GL-7")
                .doesNotContain("value=\"GL-7\"");
        HttpResponse<String> auto = as("BROKER2").post(page, page + "/policies", List.of(
                field("policies[0].line", "AUTO"), field("policies[0].policyNumber", "AU-9"),
                field("policies[0].effectiveDate", LocalDate.now().toString()),
                field("policies[0].expirationDate", LocalDate.now().plusYears(1).toString()),
                field("policies[0].limits.COMBINED_SINGLE_LIMIT", "1,000,000"), field("intent", "save")));
        assertThat(auto.statusCode()).as(auto.body()).isEqualTo(302);
        assertThat(jdbc.queryForList("select policy_number from insurance_coi_policies where coi_id = ? order by line",
                String.class, coi)).containsExactly("AU-9", "GL-7");
    }

    @Test
    void the_gc_renews_an_expired_certificate_from_its_page() {
        UUID coi = named("Renewal Reach");
        String page = "/insurance/certificates/" + coi;
        assertThat(as("CONTRACTOR").get(page).body()).doesNotContain("id=\"renew\"");
        // The expiry job's outcome, set directly: the renewal only looks at the status.
        jdbc.update("update insurance_cois set status = 'EXPIRED' where id = ?", coi);
        HttpResponse<String> expired = as("CONTRACTOR").get(page);
        assertThat(expired.body()).contains("id=\"renew\"").contains("data-confirm=");
        assertThat(as("SUBCONTRACTOR").get(page).body()).doesNotContain("id=\"renew\"");

        HttpResponse<String> renewed = as("CONTRACTOR").post(page, page + "/renew", Map.of());
        assertThat(renewed.statusCode()).isEqualTo(302);
        String location = renewed.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("?done=coi-renewed").doesNotContain(coi.toString());
        UUID renewal = UUID.fromString(location.replaceAll(".*/insurance/certificates/([0-9a-f-]{36}).*", "$1"));
        assertThat(jdbc.queryForObject("select renewal_of_id from insurance_cois where id = ?", UUID.class, renewal))
                .isEqualTo(coi);
        HttpResponse<String> again = as("CONTRACTOR").post(page, page + "/renew", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
    }
}
