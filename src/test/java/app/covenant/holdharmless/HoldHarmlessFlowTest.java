package app.covenant.holdharmless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.holdharmless.internal.AgreementExpiry;
import app.covenant.holdharmless.internal.AgreementTemplates;
import app.covenant.insurance.CertificateApproved;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.PdfVerification;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hold-harmless agreements end to end (issue 13): a certificate approval generates the agreement and its envelope;
 * the sub signs, then the GC, signed in or by the e-mailed link, and the completed sealed PDF downloads and
 * verifies; the refusals (order, consent), resend, decline, a failed generation and its retry, expiry, statistics,
 * visibility, and the certificate's {@code holdHarmlessStatus} following the agreement.
 */
class HoldHarmlessFlowTest extends SmtpOutboxTestSupport {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(FRONTEND_URL) + "/sign\\?token=([A-Za-z0-9_-]{40,})");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AgreementExpiry expiry;

    private Tenant tenant;
    private String subEmail;
    private String gcEmail;
    private String adminEmail;
    private UUID gc;
    private UUID sub;
    private UUID program;
    private UUID project;
    private UUID coi;

    @BeforeEach
    void certificate() {
        tenant = TestTenants.create(jdbcTemplate);
        subEmail = uniqueAddress("sub");
        gcEmail = uniqueAddress("gc");
        adminEmail = uniqueAddress("admin");
        gc = contractor("GENERAL_CONTRACTOR", "Hudson Builders", null);
        sub = contractor("SUBCONTRACTOR", "Spark & Sons Electric", subEmail);
        link(gc, tenant.userId("CONTRACTOR"));
        link(sub, tenant.userId("SUBCONTRACTOR"));
        program = program(null);
        project = project(program);
        coi = coi(sub);
    }

    @Test
    void theSubThenTheGcSignSignedInAndTheCompletedPdfVerifies() throws Exception {
        UUID id = approve(coi);
        JsonNode agreement = awaitStatus(id, "PENDING_SUB_SIGNATURE");
        assertThat(agreement.get("coiId").asString()).isEqualTo(coi.toString());
        assertThat(agreement.get("projectName").asString()).isEqualTo("Hudson Tower");
        assertThat(agreement.get("subName").asString()).isEqualTo("Spark & Sons Electric");
        assertThat(agreement.get("effectiveDate").asString()).isEqualTo(LocalDate.ofInstant(clock.instant(),
                java.time.ZoneOffset.UTC).toString());
        assertThat(agreement.get("expirationDate").asString()).as("the earliest policy expiration")
                .isEqualTo(LocalDate.of(2031, 3, 31).toString());
        assertThat(coiHoldHarmlessStatus()).isEqualTo("PENDING_SUB_SIGNATURE");
        assertThat(receivedFor(subEmail)).as("the sub gets their link").isNotEmpty();

        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        byte[] generated = download(id, admin);
        try (PDDocument pdf = Loader.loadPDF(generated)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hold Harmless and Indemnification Agreement").contains("Hudson Tower")
                    .contains("475 Bond Street").contains("Spark & Sons Electric").contains("Owner of Hudson Tower")
                    .contains("Carroll Street Lending").contains(AgreementTemplates.SUB_ANCHOR)
                    .contains(AgreementTemplates.GC_ANCHOR).doesNotContain("{{");
        }

        String subToken = SignIn.accessToken(http, tenant.email("SUBCONTRACTOR"));
        String gcToken = SignIn.accessToken(http, tenant.email("CONTRACTOR"));
        ResponseEntity<JsonNode> subSigned = post("/api/v1/hold-harmless/" + id + "/sub-signature",
                typed("Sam Spark"), subToken);
        assertThat(subSigned.getStatusCode().value()).isEqualTo(200);
        assertThat(subSigned.getBody().get("status").asString()).isEqualTo("PENDING_GC_SIGNATURE");
        assertThat(subSigned.getBody().get("subSignedAt").isNull()).isFalse();
        assertThat(subSigned.getBody().get("subSignedBy").asString()).as("the name the signer confirmed").isEqualTo("Sam Spark");
        assertThat(coiHoldHarmlessStatus()).isEqualTo("PENDING_GC_SIGNATURE");
        assertThat(post("/api/v1/hold-harmless/" + id + "/sub-signature", typed("Sam Spark"), subToken)
                .getStatusCode().value()).as("signed already").isEqualTo(409);
        await().atMost(Duration.ofSeconds(15)).until(() -> !receivedFor(gcEmail).isEmpty());

        ResponseEntity<JsonNode> gcSigned = post("/api/v1/hold-harmless/" + id + "/gc-signature", Map.of(
                "signerName", "Gale Contractor", "signatureType", "DRAWN", "imageDataUrl", drawnSignature(),
                "consent", true), gcToken);
        assertThat(gcSigned.getStatusCode().value()).isEqualTo(200);
        assertThat(gcSigned.getBody().get("gcSignedAt").isNull()).isFalse();

        JsonNode completed = awaitStatus(id, "COMPLETED");
        assertThat(completed.get("completedAt").isNull()).isFalse();
        assertThat(coiHoldHarmlessStatus()).isEqualTo("COMPLETED");
        assertThat(SignIn.get(http, "/api/v1/cois/" + coi, admin).getBody().get("holdHarmlessStatus").asString())
                .as("the certificate's representation").isEqualTo("COMPLETED");
        byte[] finalPdf = download(id, subToken);
        assertThat(finalPdf).isNotEqualTo(generated);
        try (PDDocument pdf = Loader.loadPDF(finalPdf)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Certificate of completion");
        }
        JsonNode verified = PdfVerification.verify(http, finalPdf, admin);
        assertThat(verified.get("unchanged").asBoolean()).isTrue();
        assertThat(verified.get("sealValid").asBoolean()).isTrue();

        try (PDDocument original = Loader.loadPDF(generated); PDDocument pdf = Loader.loadPDF(finalPdf)) {
            PDFTextStripper agreementPages = new PDFTextStripper();
            agreementPages.setEndPage(original.getNumberOfPages());
            assertThat(agreementPages.getText(pdf)).as("both signatures drawn in the agreement's own blocks, not only on an added page")
                    .contains("Sam Spark").contains("Gale Contractor");
        }
        for (String address : List.of(subEmail, gcEmail, adminEmail)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> attachedPdf(address) != null);
            assertThat(attachedPdf(address)).as("the completed PDF attached for %s", address).isEqualTo(finalPdf);
        }

        JsonNode stats = SignIn.get(http, "/api/v1/hold-harmless/stats", admin).getBody();
        assertThat(stats.get("byStatus").get("COMPLETED").asLong()).isEqualTo(1);
        assertThat(stats.get("total").asLong()).isEqualTo(1);
        assertThat(stats.get("averageHoursToComplete").isNull()).isFalse();
    }

    @Test
    void theSignersSignByTheirLinks() throws Exception {
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        assertThat(signByLink(awaitLink(subEmail, 1), typed("Sam Spark")).getStatusCode().value()).isEqualTo(204);
        awaitStatus(id, "PENDING_GC_SIGNATURE");
        assertThat(signByLink(awaitLink(gcEmail, 1), typed("Gale Contractor")).getStatusCode().value()).isEqualTo(204);
        JsonNode completed = awaitStatus(id, "COMPLETED");
        assertThat(completed.get("gcSignedBy").asString()).isEqualTo("Gale Contractor");
        assertThat(coiHoldHarmlessStatus()).isEqualTo("COMPLETED");
    }

    @Test
    void theGcCannotSignFirstAndConsentIsRequired() {
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String gcToken = SignIn.accessToken(http, tenant.email("CONTRACTOR"));
        assertThat(post("/api/v1/hold-harmless/" + id + "/gc-signature", typed("Gale Contractor"), gcToken)
                .getStatusCode().value()).isEqualTo(409);
        String subToken = SignIn.accessToken(http, tenant.email("SUBCONTRACTOR"));
        ResponseEntity<JsonNode> noConsent = post("/api/v1/hold-harmless/" + id + "/sub-signature", Map.of(
                "signerName", "Sam Spark", "signatureType", "TYPED", "typedSignature", "Sam Spark"), subToken);
        assertThat(noConsent.getStatusCode().value()).isEqualTo(400);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, subToken).getBody().get("status").asString())
                .isEqualTo("PENDING_SUB_SIGNATURE");
        assertThat(post("/api/v1/hold-harmless/" + id + "/sub-signature", typed("Sam Spark"), gcToken)
                .getStatusCode().value()).as("the GC's people are not the sub").isEqualTo(404);
    }

    @Test
    void aResendInvalidatesThePreviousLink() throws Exception {
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String first = awaitLink(subEmail, 1);
        String manager = SignIn.accessToken(http, tenant.email("MANAGER"));
        assertThat(post("/api/v1/hold-harmless/" + id + "/resend-signature", Map.of(), manager).getStatusCode().value())
                .isEqualTo(200);
        String second = awaitLink(subEmail, 2);
        assertThat(second).isNotEqualTo(first);
        assertThat(signByLink(first, typed("Sam Spark")).getStatusCode().value()).isEqualTo(410);
        assertThat(signByLink(second, typed("Sam Spark")).getStatusCode().value()).isEqualTo(204);
        awaitStatus(id, "PENDING_GC_SIGNATURE");
        assertThat(post("/api/v1/hold-harmless/" + id + "/resend-signature", Map.of(), manager).getStatusCode().value())
                .isEqualTo(200);
        assertThat(awaitLink(gcEmail, 2)).as("the GC, who signs next, gets the new link").isNotNull();
    }

    @Test
    void aDeclineRejectsTheAgreementWithItsReasonAndTellsTheAdmin() throws Exception {
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String link = awaitLink(subEmail, 1);
        assertThat(post("/api/v1/signing/" + link + "/decline", Map.of("reason", "Wrong project address"), null)
                .getStatusCode().value()).isEqualTo(204);
        JsonNode rejected = awaitStatus(id, "REJECTED");
        assertThat(rejected.get("rejectionReason").asString()).isEqualTo("Wrong project address");
        assertThat(coiHoldHarmlessStatus()).isEqualTo("REJECTED");
        await().atMost(Duration.ofSeconds(15)).until(() -> !receivedFor(adminEmail).isEmpty());
        assertThat(text(receivedFor(adminEmail).getLast())).contains("declined").contains("Wrong project address");
    }

    @Test
    void theSignedInSubDeclinesOnItsTurnAndTheAgreementIsRejectedAtOnce() throws Exception {
        UUID id = approve(coi);
        String envelopeId = awaitStatus(id, "PENDING_SUB_SIGNATURE").get("envelopeId").asString();
        String decline = "/api/v1/hold-harmless/" + id + "/decline";
        String subToken = SignIn.accessToken(http, tenant.email("SUBCONTRACTOR"));
        String gcToken = SignIn.accessToken(http, tenant.email("CONTRACTOR"));
        assertThat(post(decline, Map.of("reason", "Not yet"), gcToken).getStatusCode().value())
                .as("not the GC's turn").isEqualTo(409);
        String otherSub = "other-sub-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.code().toLowerCase()
                + ".test";
        link(contractor("SUBCONTRACTOR", "Another Sub", null), TestTenants.addUser(jdbcTemplate, tenant, otherSub,
                "SUBCONTRACTOR"));
        assertThat(post(decline, Map.of("reason", "Not mine"), SignIn.accessToken(http, otherSub)).getStatusCode()
                .value()).as("a sub of another certificate").isEqualTo(404);
        String otherAdmin = SignIn.accessToken(http, TestTenants.create(jdbcTemplate).email("ADMIN"));
        assertThat(post(decline, Map.of("reason", "Not mine"), otherAdmin).getStatusCode().value()).isEqualTo(404);
        assertThat(post(decline, Map.of("reason", "  "), subToken).getStatusCode().value()).isEqualTo(400);
        assertThat(post(decline, Map.of(), subToken).getStatusCode().value()).isEqualTo(400);
        assertThat(post(decline, Map.of("reason", "x".repeat(2001)), subToken).getStatusCode().value()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("PENDING_SUB_SIGNATURE");

        ResponseEntity<JsonNode> declined = post(decline, Map.of("reason", "Wrong project address"), subToken);
        assertThat(declined.getStatusCode().value()).isEqualTo(200);
        assertThat(declined.getBody().get("status").asString()).as("recorded in the request's transaction")
                .isEqualTo("REJECTED");
        assertThat(declined.getBody().get("rejectionReason").asString()).isEqualTo("Wrong project address");
        assertThat(coiHoldHarmlessStatus()).isEqualTo("REJECTED");
        assertThat(jdbcTemplate.queryForObject("select status from signatures_envelopes where id = ?", String.class,
                UUID.fromString(envelopeId))).isEqualTo("DECLINED");
        assertThat(jdbcTemplate.queryForObject("select auth_method from signatures_events where envelope_id = ? "
                + "and event_type = 'DECLINED'", String.class, UUID.fromString(envelopeId))).isEqualTo("SIGNED_IN");
        assertThat(post(decline, Map.of("reason", "Again"), subToken).getStatusCode().value())
                .as("declined already").isEqualTo(409);
        assertThat(post("/api/v1/hold-harmless/" + id + "/sub-signature", typed("Sam Spark"), subToken)
                .getStatusCode().value()).isEqualTo(409);

        HttpHeaders html = SignIn.bearer(SignIn.accessToken(http, tenant.email("ADMIN")));
        html.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(http.exchange("/hold-harmless/" + id, HttpMethod.GET, new HttpEntity<>(html), String.class).getBody())
                .contains("data-status=\"REJECTED\"").contains("Wrong project address");
        await().atMost(Duration.ofSeconds(15)).until(() -> !receivedFor(adminEmail).isEmpty());
        assertThat(text(receivedFor(adminEmail).getLast())).contains("declined").contains("Wrong project address");
        // The engine's EnvelopeDeclined reaches the follower afterwards and changes nothing: one e-mail to the admin.
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcTemplate.queryForObject("select count(*) from "
                + "event_publication where event_type like ? and serialized_event like ? and completion_date is not null",
                Integer.class, "%EnvelopeDeclined", "%" + envelopeId + "%") > 0);
        assertThat(jdbcTemplate.queryForObject("select count(*) from email_outbox where to_address = ?", Integer.class,
                adminEmail)).isEqualTo(1);
    }

    @Test
    void aFailedGenerationLeavesTheApprovalAndIsRetried() {
        jdbcTemplate.update("update insurance_programs set hold_harmless_template = ? where id = ?",
                "<p>{{PROJECT_NAME}} for {{NOT_A_FIELD}}</p>", program);
        UUID id = approve(coi);
        JsonNode pending = awaitGenerationError(id);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_GENERATION");
        assertThat(pending.get("generationError").asString()).contains("{{NOT_A_FIELD}}").doesNotContain("at app.");
        assertThat(pending.get("documentUrl").isNull()).isTrue();
        assertThat(jdbcTemplate.queryForObject("select status from insurance_cois where id = ?", String.class, coi))
                .as("the approval stands").isEqualTo("ACTIVE");
        assertThat(coiHoldHarmlessStatus()).isEqualTo("PENDING_GENERATION");
        assertThat(receivedFor(subEmail)).isEmpty();

        approve(coi);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> agreements() == 1);

        String manager = SignIn.accessToken(http, tenant.email("MANAGER"));
        ResponseEntity<JsonNode> stillBroken = post("/api/v1/hold-harmless/" + id + "/retry-generation", Map.of(), manager);
        assertThat(stillBroken.getBody().get("status").asString()).isEqualTo("PENDING_GENERATION");
        jdbcTemplate.update("update insurance_programs set hold_harmless_template = ? where id = ?",
                "<h1>Agreement</h1><p>{{SUB_NAME}} indemnifies {{GC_NAME}} on {{PROJECT_NAME}}.</p>"
                        + "<script>alert(1)</script><p>{{SUB_SIGNATURE}}</p>", program);
        ResponseEntity<JsonNode> retried = post("/api/v1/hold-harmless/" + id + "/retry-generation", Map.of(), manager);
        assertThat(retried.getStatusCode().value()).isEqualTo(200);
        assertThat(retried.getBody().get("status").asString()).isEqualTo("PENDING_SUB_SIGNATURE");
        assertThat(retried.getBody().get("generationError").isNull()).isTrue();
        assertThat(retried.getBody().get("envelopeId").isNull()).isFalse();
        assertThat(coiHoldHarmlessStatus()).isEqualTo("PENDING_SUB_SIGNATURE");
        assertThat(post("/api/v1/hold-harmless/" + id + "/retry-generation", Map.of(), manager).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void aProgramWithoutTheRequirementGetsNoAgreement() {
        jdbcTemplate.update("update insurance_programs set hold_harmless_required = false where id = ?", program);
        publishApproval(coi);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcTemplate.queryForObject("select count(*) from "
                + "event_publication where event_type like ? and serialized_event like ? and completion_date is not null",
                Integer.class, "%CertificateApproved", "%" + coi + "%") > 0);
        assertThat(agreements()).isZero();
        assertThat(coiHoldHarmlessStatus()).isNull();
    }

    @Test
    void openAgreementsPastTheirDateExpire() {
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        LocalDate expires = LocalDate.of(2031, 3, 31);
        // The job covers every organization: other tests' agreements may expire with it, so check this one.
        expiry.expire(expires);
        assertThat(status(id)).as("not before the day after").isEqualTo("PENDING_SUB_SIGNATURE");
        assertThat(expiry.expire(expires.plusDays(1))).isPositive();
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, admin).getBody().get("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(coiHoldHarmlessStatus()).isEqualTo("EXPIRED");
        String updated = jdbcTemplate.queryForObject("select cast(version as varchar) from hold_harmless_agreements "
                + "where id = ?", String.class, id);
        expiry.expire(expires.plusDays(2));
        assertThat(jdbcTemplate.queryForObject("select cast(version as varchar) from hold_harmless_agreements where id = ?",
                String.class, id)).as("expired once").isEqualTo(updated);
    }

    private String status(UUID id) {
        return jdbcTemplate.queryForObject("select status from hold_harmless_agreements where id = ?", String.class, id);
    }

    @Test
    void statsListsAndVisibility() {
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        ResponseEntity<JsonNode> stats = SignIn.get(http, "/api/v1/hold-harmless/stats", admin);
        assertThat(stats.getStatusCode().value()).as("/stats is not shadowed by /{id}").isEqualTo(200);
        assertThat(stats.getBody().get("byStatus").get("PENDING_SUB_SIGNATURE").asLong()).isEqualTo(1);
        assertThat(stats.getBody().get("overdue").asLong()).isZero();
        jdbcTemplate.update("update hold_harmless_agreements set sent_at = ? where id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(8))), id);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/stats", admin).getBody().get("overdue").asLong())
                .isEqualTo(1);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/stats", SignIn.accessToken(http, tenant.email("CONTRACTOR")))
                .getStatusCode().value()).isEqualTo(403);

        JsonNode list = SignIn.get(http, "/api/v1/hold-harmless?status=PENDING_SUB_SIGNATURE", admin).getBody();
        assertThat(list.get("content")).hasSize(1);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless?status=COMPLETED", admin).getBody().get("content")).isEmpty();
        assertThat(SignIn.get(http, "/api/v1/hold-harmless?status=NOPE", admin).getStatusCode().value()).isEqualTo(400);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/coi/" + coi, admin).getBody().get("id").asString())
                .isEqualTo(id.toString());

        String subToken = SignIn.accessToken(http, tenant.email("SUBCONTRACTOR"));
        String gcToken = SignIn.accessToken(http, tenant.email("CONTRACTOR"));
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, subToken).getStatusCode().value()).isEqualTo(200);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, gcToken).getStatusCode().value()).isEqualTo(200);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless", subToken).getBody().get("content")).hasSize(1);

        String otherSub = "other-sub-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.code().toLowerCase()
                + ".test";
        UUID otherSubUser = TestTenants.addUser(jdbcTemplate, tenant, otherSub, "SUBCONTRACTOR");
        link(contractor("SUBCONTRACTOR", "Another Sub", null), otherSubUser);
        String otherSubToken = SignIn.accessToken(http, otherSub);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, otherSubToken).getStatusCode().value()).isEqualTo(404);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/coi/" + coi, otherSubToken).getStatusCode().value())
                .isEqualTo(404);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless", otherSubToken).getBody().get("content")).isEmpty();
        assertThat(post("/api/v1/hold-harmless/" + id + "/sub-signature", typed("Other"), otherSubToken)
                .getStatusCode().value()).isEqualTo(404);
        String broker = SignIn.accessToken(http, tenant.email("BROKER"));
        // INSURANCE.md "Visibility": brokers see no agreement — they hold no hold-harmless permission at all.
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, broker).getStatusCode().value()).isEqualTo(403);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id + "/document", broker).getStatusCode().value())
                .isEqualTo(403);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless", broker).getStatusCode().value()).isEqualTo(403);

        Tenant other = TestTenants.create(jdbcTemplate);
        String otherAdmin = SignIn.accessToken(http, other.email("ADMIN"));
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id, otherAdmin).getStatusCode().value()).isEqualTo(404);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/" + id + "/document", otherAdmin).getStatusCode().value())
                .isEqualTo(404);
        assertThat(post("/api/v1/hold-harmless/" + id + "/resend-signature", Map.of(), otherAdmin).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(SignIn.get(http, "/api/v1/hold-harmless/stats", otherAdmin).getBody().get("total").asLong())
                .isZero();
    }

    @Test
    void templatesPreviewWithSampleValuesAndNameAnUnknownPlaceholder() {
        String manager = SignIn.accessToken(http, tenant.email("MANAGER"));
        JsonNode template = SignIn.get(http, "/api/v1/hold-harmless/default-template", manager).getBody();
        assertThat(template.get("html").asString()).contains("{{ADDITIONAL_INSUREDS}}").contains("indemnify");
        JsonNode preview = post("/api/v1/hold-harmless/template-preview", Map.of("templateHtml",
                "<p onclick=\"x()\">{{PROJECT_NAME}} &amp; {{SUB_NAME}}</p><script>alert(1)</script>"), manager).getBody();
        assertThat(preview.get("html").asString()).contains("Gowanus Canal Residences").contains("Demo Electric Inc")
                .doesNotContain("script").doesNotContain("onclick");
        ResponseEntity<JsonNode> bad = post("/api/v1/hold-harmless/template-preview", Map.of("templateHtml",
                "<p>{{PROJECT_NAME}} {{SUB_PHONE}}</p>"), manager);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(bad.getBody().toString()).contains("{{SUB_PHONE}}");
        assertThat(post("/api/v1/hold-harmless/template-preview", Map.of("templateHtml", "<p>x</p>"),
                SignIn.accessToken(http, tenant.email("SUBCONTRACTOR"))).getStatusCode().value()).isEqualTo(403);

        assertThat(put("/api/v1/hold-harmless/default-template", Map.of("html", "<p>{{SUB_PHONE}}</p>"), manager)
                .getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> saved = put("/api/v1/hold-harmless/default-template", Map.of("html",
                "<h1>Our own agreement</h1><p>{{SUB_NAME}} holds {{GC_NAME}} harmless.</p><script>alert(1)</script>"),
                manager);
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().get("html").asString()).contains("Our own agreement").doesNotContain("script");
        UUID id = approve(coi);
        awaitStatus(id, "PENDING_SUB_SIGNATURE");
        try (PDDocument pdf = Loader.loadPDF(download(id, manager))) {
            assertThat(new PDFTextStripper().getText(pdf)).as("a program without its own template uses the default")
                    .contains("Our own agreement").contains("Spark & Sons Electric holds Hudson Builders harmless")
                    .doesNotContain("alert");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- fixtures -----------------------------------------------------------------------------------------------

    private UUID approve(UUID coiId) {
        publishApproval(coiId);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcTemplate.queryForObject(
                "select count(*) from hold_harmless_agreements where coi_id = ?", Integer.class, coiId) == 1);
        return jdbcTemplate.queryForObject("select id from hold_harmless_agreements where coi_id = ?", UUID.class, coiId);
    }

    private void publishApproval(UUID coiId) {
        inTransaction(() -> {
            events.publishEvent(new CertificateApproved(tenant.organizationId(), coiId, project, sub, gc,
                    tenant.userId("MANAGER"), clock.instant()));
            return null;
        });
    }

    private int agreements() {
        return jdbcTemplate.queryForObject("select count(*) from hold_harmless_agreements where coi_id = ?",
                Integer.class, coi);
    }

    private JsonNode awaitStatus(UUID id, String status) {
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(jdbcTemplate.queryForObject(
                "select status from hold_harmless_agreements where id = ?", String.class, id)));
        return SignIn.get(http, "/api/v1/hold-harmless/" + id, admin).getBody();
    }

    private JsonNode awaitGenerationError(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbcTemplate.queryForObject(
                "select generation_error from hold_harmless_agreements where id = ?", String.class, id) != null);
        return SignIn.get(http, "/api/v1/hold-harmless/" + id, SignIn.accessToken(http, tenant.email("ADMIN"))).getBody();
    }

    private String coiHoldHarmlessStatus() {
        return jdbcTemplate.queryForObject("select hold_harmless_status from insurance_cois where id = ?", String.class,
                coi);
    }

    private UUID contractor(String type, String name, String email) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbcTemplate.update("insert into insurance_contractors (id, organization_id, type, name, contact_email, status, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", id, tenant.organizationId(), type, name,
                email, now, now);
        return id;
    }

    private void link(UUID contractorId, UUID userId) {
        jdbcTemplate.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", contractorId,
                userId);
    }

    private UUID program(String template) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbcTemplate.update("insert into insurance_programs (id, organization_id, name, is_default, wc_statutory_required, "
                + "ai_required, wos_required, pnc_required, hold_harmless_required, hold_harmless_template, created_at, "
                + "updated_at) values (?, ?, 'HH program', false, false, false, false, false, true, ?, ?, ?)", id,
                tenant.organizationId(), template, now, now);
        return id;
    }

    private UUID project(UUID programId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbcTemplate.update("insert into insurance_projects (id, organization_id, gc_id, name, address, status, "
                + "owner_entity, contact_name, contact_email, assigned_admin_email, program_id, end_date, created_at, "
                + "updated_at) values (?, ?, ?, 'Hudson Tower', '475 Bond Street, Brooklyn, NY 11231', 'ACTIVE', "
                + "'Owner of Hudson Tower', 'Gale Contractor', ?, ?, ?, ?, ?, ?)", id, tenant.organizationId(), gc,
                gcEmail, adminEmail, programId, java.sql.Date.valueOf("2032-06-30"), now, now);
        jdbcTemplate.update("insert into insurance_project_additional_insureds (project_id, sort_order, name) "
                + "values (?, 0, 'Carroll Street Lending Corp.')", id);
        return id;
    }

    private UUID coi(UUID subId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbcTemplate.update("insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, "
                + "earliest_expiration, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", id,
                tenant.organizationId(), project, subId, gc, java.sql.Date.valueOf("2031-03-31"), now, now);
        return id;
    }

    private static Map<String, Object> typed(String name) {
        return Map.of("signerName", name, "signatureType", "TYPED", "typedSignature", name, "consent", true);
    }

    private static String drawnSignature() throws Exception {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(3));
        graphics.drawLine(10, 80, 280, 20);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private String awaitLink(String address, int messages) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(address).size() >= messages);
        Matcher matcher = LINK.matcher(text(receivedFor(address).get(messages - 1)));
        assertThat(matcher.find()).as("a signing link in the e-mail").isTrue();
        return matcher.group(1);
    }

    /** The PDF attached to the last message {@code address} received, or null when it has none. */
    private byte[] attachedPdf(String address) throws Exception {
        List<MimeMessage> received = receivedFor(address);
        if (received.isEmpty() || !(received.getLast().getContent() instanceof jakarta.mail.internet.MimeMultipart parts)) {
            return null;
        }
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("application/pdf")) {
                try (java.io.InputStream in = parts.getBodyPart(i).getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    private ResponseEntity<JsonNode> signByLink(String token, Map<String, Object> body) {
        return post("/api/v1/signing/" + token, body, null);
    }

    private ResponseEntity<JsonNode> post(String path, Object body, String accessToken) {
        HttpHeaders headers = accessToken == null ? new HttpHeaders() : SignIn.bearer(accessToken);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String path, Object body, String accessToken) {
        HttpHeaders headers = SignIn.bearer(accessToken);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private byte[] download(UUID id, String accessToken) {
        HttpHeaders headers = SignIn.bearer(accessToken);
        headers.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<byte[]> response = http.exchange("/api/v1/hold-harmless/" + id + "/document", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        return response.getBody();
    }
}
