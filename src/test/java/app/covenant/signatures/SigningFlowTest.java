package app.covenant.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.shared.problem.ProblemException;
import app.covenant.signatures.EnvelopeRequest.SignerRequest;
import app.covenant.support.PdfVerification;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * The signing engine end to end, e-mails at a real SMTP server: open → the first signer's link by e-mail → sign
 * typed → the second signer e-mailed → sign drawn → sealed final PDF with its certificate page that verifies;
 * and the refusals: reused, expired and replaced links, out of order, consent missing, decline.
 */
@RecordApplicationEvents
class SigningFlowTest extends SmtpOutboxTestSupport {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(FRONTEND_URL) + "/sign\\?token=([A-Za-z0-9_-]{40,})");

    @Autowired
    Envelopes envelopes;
    @Autowired
    DocumentStorage documents;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ApplicationEvents events;

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbcTemplate);
    }

    @Test
    void twoSignersInTurnCompleteASealedDocumentThatVerifies() throws Exception {
        String sub = uniqueAddress("sub");
        String gc = uniqueAddress("gc");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("Sam Sub", sub, "Subcontractor", 1),
                new SignerRequest("Gina GC", gc, "General contractor", 2))));

        String subLink = awaitLink(sub, 1);
        assertThat(receivedFor(gc)).isEmpty();
        assertThat(http.getForEntity("/sign?token=" + subLink, String.class).getBody())
                .as("the e-mailed address leads to the page").contains("Sam Sub");
        // Delivered: the outbox keeps no usable link (the query token marks the message as holding one).
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbcTemplate.queryForObject(
                "select body_text from email_outbox where to_address = ?", String.class, sub).contains("removed"));
        ResponseEntity<String> page = http.getForEntity("/sign/" + subLink, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Hold-harmless agreement").contains("Sam Sub").contains("ESIGN_DISCLOSURE_V1")
                .contains("/js/signing.js");
        ResponseEntity<byte[]> document = http.getForEntity("/sign/" + subLink + "/document", byte[].class);
        assertThat(document.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(document.getBody(), 0, 5)).isEqualTo("%PDF-");

        assertThat(sign(subLink, typed("Sam Sub")).getStatusCode().value()).isEqualTo(204);
        assertThat(sign(subLink, typed("Sam Sub")).getStatusCode().value()).as("a used link").isEqualTo(410);
        assertThat(http.getForEntity("/sign/" + subLink, String.class).getStatusCode().value()).isEqualTo(410);

        String gcLink = awaitLink(gc, 1);
        assertThat(sign(gcLink, Map.of("signerName", "Gina GC", "signatureType", "DRAWN",
                "imageDataUrl", SignatureFixtures.drawnSignature(), "consent", true)).getStatusCode().value())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(envelopeId)));
        assertThat(jdbcTemplate.queryForObject("select count(*) from event_publication where event_type like ? "
                + "and serialized_event like ? and completion_date is not null", Integer.class, "%SealDue",
                "%" + envelopeId + "%")).as("sealing runs from the event registry, retried when it fails").isEqualTo(1);
        Map<String, Object> row = jdbcTemplate.queryForMap(
                "select final_document_id, final_sha256 from signatures_envelopes where id = ?", envelopeId);
        byte[] finalPdf;
        try (DocumentContent content = documents.open((UUID) row.get("final_document_id"))) {
            finalPdf = content.stream().readAllBytes();
        }
        assertThat(sha256(finalPdf)).isEqualTo(row.get("final_sha256"));
        // Kept for checking with other tools (openssl cms -verify, a PDF reader): docs/signatures.md.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "signatures-sample-completed.pdf"), finalPdf);
        try (PDDocument pdf = Loader.loadPDF(finalPdf)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Hold-harmless agreement").contains("Signatures").contains("Certificate of completion")
                    .contains("Sam Sub").contains("Gina GC").contains("SIGNED").contains("LINK");
            assertThat(pdf.getSignatureDictionaries()).singleElement()
                    .satisfies(seal -> assertThat(seal.getSubFilter()).isEqualTo("ETSI.CAdES.detached"));
        }

        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        JsonNode verified = PdfVerification.verify(http, finalPdf, admin);
        assertThat(verified.get("issuedByUs").asBoolean()).isTrue();
        assertThat(verified.get("unchanged").asBoolean()).isTrue();
        assertThat(verified.get("sealValid").asBoolean()).isTrue();
        assertThat(verified.get("envelopeId").asString()).isEqualTo(envelopeId.toString());
        assertThat(verified.get("completedAt").isNull()).isFalse();

        byte[] tampered = finalPdf.clone();
        // A byte of the header's binary comment: still a readable PDF, but not the bytes we sealed.
        assertThat(tampered[9]).isEqualTo((byte) '%');
        tampered[11] ^= 1;
        JsonNode changed = PdfVerification.verify(http, tampered, admin);
        assertThat(changed.get("unchanged").asBoolean()).isFalse();
        assertThat(changed.get("sealValid").asBoolean()).isFalse();
        assertThat(changed.get("issuedByUs").asBoolean()).as("still carries our seal").isTrue();

        String finalPath = "/api/v1/documents/" + row.get("final_document_id") + "/content";
        ResponseEntity<byte[]> download = http.exchange(finalPath, HttpMethod.GET,
                new HttpEntity<>(SignIn.bearer(admin)), byte[].class);
        assertThat(download.getStatusCode().value()).as("the completed PDF downloads for the envelope's readers")
                .isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(finalPdf);
        assertThat(http.exchange(finalPath, HttpMethod.GET, new HttpEntity<>(SignIn.bearer(
                SignIn.accessToken(http, tenant.email("USER")))), byte[].class).getStatusCode().value()).isEqualTo(404);

        JsonNode shown = SignIn.get(http, "/api/v1/envelopes/" + envelopeId, admin).getBody();
        assertThat(shown.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(shown.get("signers")).hasSize(2);
        JsonNode signed = eventOf(shown, "SIGNED");
        assertThat(signed.get("authMethod").asString()).isEqualTo("LINK");
        assertThat(signed.get("disclosureVersion").asString()).isEqualTo("ESIGN_DISCLOSURE_V1");
        assertThat(signed.get("ipAddress").asString()).isNotBlank();
        assertThat(signed.get("hashBefore").asString()).hasSize(64);
        assertThat(eventOf(shown, "COMPLETED").get("hashAfter").asString()).isEqualTo(row.get("final_sha256"));
    }

    @Test
    void aResentLinkReplacesTheOldOneAndAnExpiredLinkIsRefused() throws Exception {
        String sub = uniqueAddress("sub");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false,
                List.of(new SignerRequest("Sam Sub", sub, "Subcontractor", 1))));
        String first = awaitLink(sub, 1);
        envelopes.resend(signerId(envelopeId, sub));
        String second = awaitLink(sub, 2);
        assertThat(second).isNotEqualTo(first);
        assertThat(sign(first, typed("Sam Sub")).getStatusCode().value()).isEqualTo(410);
        assertThat(http.getForEntity("/sign/" + second, String.class).getStatusCode().value()).isEqualTo(200);

        clock.advance(Duration.ofDays(15));
        try {
            ResponseEntity<JsonNode> expired = sign(second, typed("Sam Sub"));
            assertThat(expired.getStatusCode().value()).isEqualTo(410);
            assertThat(expired.getBody().get("detail").asString()).contains("expired");
        } finally {
            clock.advance(Duration.ofDays(-15));
        }
        assertThat(sign("unknown-token-" + UUID.randomUUID(), typed("x")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void consentIsRequiredAndTheLinkStaysUsable() throws Exception {
        String sub = uniqueAddress("sub");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false,
                List.of(new SignerRequest("Sam Sub", sub, "Subcontractor", 1))));
        String link = awaitLink(sub, 1);
        ResponseEntity<JsonNode> refused = sign(link, Map.of("signerName", "Sam Sub", "signatureType", "TYPED",
                "typedSignature", "Sam Sub", "consent", false));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().toString()).contains("consent");
        assertThat(sign(link, Map.of("signerName", "Sam Sub", "signatureType", "DRAWN",
                "imageDataUrl", "data:image/png;base64,aGVsbG8=", "consent", true)).getStatusCode().value())
                .as("not a PNG").isEqualTo(400);
        byte[] huge = new byte[200 * 1024 + 1];
        assertThat(sign(link, Map.of("signerName", "Sam Sub", "signatureType", "DRAWN", "imageDataUrl",
                "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(huge), "consent", true))
                .getBody().toString()).as("over 200 KB").contains("200 KB");
        assertThat(status(envelopeId)).isEqualTo("SENT");
        assertThat(sign(link, typed("Sam Sub")).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void aSignerOutOfTurnGets409() throws Exception {
        String sub = uniqueAddress("sub");
        String gc = uniqueAddress("gc");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("Sam Sub", sub, "Subcontractor", 1),
                new SignerRequest("Gina GC", gc, "General contractor", 2))));
        SignatureInput input = new SignatureInput("Gina GC", SignatureInput.SignatureType.TYPED, "Gina GC", null, true);
        assertThatThrownBy(() -> envelopes.signAs(envelopeId, signerId(envelopeId, gc), input,
                new Evidence("203.0.113.9", "test", null)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(409));
        assertThatThrownBy(() -> envelopes.resend(signerId(envelopeId, gc)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(409));

        envelopes.signAs(envelopeId, signerId(envelopeId, sub), new SignatureInput("Sam Sub",
                SignatureInput.SignatureType.TYPED, "Sam Sub", null, true), new Evidence("203.0.113.9", "test", null));
        assertThat(events.stream(EnvelopeSigned.class)).singleElement()
                .satisfies(signed -> assertThat(signed.allSigned()).isFalse());
        assertThat(awaitLink(sub, 1)).isNotNull();
        assertThat(jdbcTemplate.queryForObject("select auth_method from signatures_events where envelope_id = ? "
                + "and event_type = 'SIGNED'", String.class, envelopeId)).isEqualTo("SIGNED_IN");
        assertThat(awaitLink(gc, 1)).as("the second group is e-mailed").isNotNull();
    }

    @Test
    void signersWithTheSameOrderSignInParallel() {
        String first = uniqueAddress("first");
        String second = uniqueAddress("second");
        String last = uniqueAddress("last");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false, List.of(
                new SignerRequest("First Sub", first, "Subcontractor", 1),
                new SignerRequest("Second Sub", second, "Subcontractor", 1),
                new SignerRequest("Gina GC", last, "General contractor", 2))));
        assertThat(envelopes.get(envelopeId).orElseThrow().signers()).extracting(EnvelopeView.Signer::status)
                .containsExactly("NOTIFIED", "NOTIFIED", "WAITING");
        assertThat(envelopes.get(UUID.randomUUID())).isEmpty();
        Evidence evidence = new Evidence("203.0.113.9", "test", null);
        envelopes.signAs(envelopeId, signerId(envelopeId, second), new SignatureInput("Second Sub",
                SignatureInput.SignatureType.TYPED, "Second Sub", null, true), evidence);
        assertThat(jdbcTemplate.queryForObject("select status from signatures_signers where id = ?", String.class,
                signerId(envelopeId, last))).as("the group is not done yet").isEqualTo("WAITING");
        envelopes.signAs(envelopeId, signerId(envelopeId, first), new SignatureInput("First Sub",
                SignatureInput.SignatureType.TYPED, "First Sub", null, true), evidence);
        assertThat(jdbcTemplate.queryForObject("select status from signatures_signers where id = ?", String.class,
                signerId(envelopeId, last))).isEqualTo("NOTIFIED");
    }

    @Test
    void aDeclineRecordsTheReasonAndEndsTheEnvelope() throws Exception {
        String sub = uniqueAddress("sub");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false,
                List.of(new SignerRequest("Sam Sub", sub, "Subcontractor", 1))));
        String link = awaitLink(sub, 1);
        assertThat(post("/api/v1/signing/" + link + "/decline", Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/api/v1/signing/" + link + "/decline", Map.of("reason", "The limits are wrong"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(status(envelopeId)).isEqualTo("DECLINED");
        assertThat(jdbcTemplate.queryForObject("select decline_reason from signatures_signers where envelope_id = ?",
                String.class, envelopeId)).isEqualTo("The limits are wrong");
        assertThat(sign(link, typed("Sam Sub")).getStatusCode().value()).isEqualTo(410);
    }

    @Test
    void aDeclineByLinkPublishesEnvelopeDeclined(@Autowired app.covenant.signatures.internal.LinkSigning signing)
            throws Exception {
        String sub = uniqueAddress("sub");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), false,
                List.of(new SignerRequest("Sam Sub", sub, "Subcontractor", 1))));
        signing.decline(awaitLink(sub, 1), "Not our job site", new Evidence("203.0.113.9", "phone", null));
        assertThat(events.stream(EnvelopeDeclined.class)).singleElement().satisfies(declined -> {
            assertThat(declined.envelopeId()).isEqualTo(envelopeId);
            assertThat(declined.reason()).isEqualTo("Not our job site");
            assertThat(declined.owner().module()).isEqualTo("holdharmless");
        });
    }

    @Test
    void aOneTimeCodeIsNeededWhenTheEnvelopeAsksForIt() throws Exception {
        String sub = uniqueAddress("sub");
        UUID envelopeId = envelopes.open(SignatureFixtures.request(documents, tenant.organizationId(), true,
                List.of(new SignerRequest("Sam Sub", sub, "Subcontractor", 1))));
        String link = awaitLink(sub, 1);
        assertThat(sign(link, typed("Sam Sub")).getStatusCode().value()).as("no code yet").isEqualTo(400);
        assertThat(post("/api/v1/signing/" + link + "/code", Map.of()).getStatusCode().value()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(sub).size() == 2);
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(text(receivedFor(sub).get(1)));
        assertThat(code.find()).isTrue();
        String wrong = code.group(1).equals("000000") ? "111111" : "000000";
        Map<String, Object> withWrongCode = new java.util.HashMap<>(typed("Sam Sub"));
        withWrongCode.put("code", wrong);
        assertThat(sign(link, withWrongCode).getStatusCode().value()).isEqualTo(400);
        Map<String, Object> withCode = new java.util.HashMap<>(typed("Sam Sub"));
        withCode.put("code", code.group(1));
        assertThat(sign(link, withCode).getStatusCode().value()).isEqualTo(204);
        assertThat(jdbcTemplate.queryForObject("select auth_method from signatures_events where envelope_id = ? "
                + "and event_type = 'SIGNED'", String.class, envelopeId)).isEqualTo("LINK_AND_CODE");
    }

    private static Map<String, Object> typed(String name) {
        return Map.of("signerName", name, "signatureType", "TYPED", "typedSignature", name, "consent", true);
    }

    private ResponseEntity<JsonNode> sign(String token, Map<String, Object> body) {
        return post("/api/v1/signing/" + token, body);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private String awaitLink(String address, int messages) throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(address).size() >= messages);
        Matcher matcher = LINK.matcher(text(receivedFor(address).get(messages - 1)));
        assertThat(matcher.find()).as("a signing link in the e-mail").isTrue();
        return matcher.group(1);
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    private String status(UUID envelopeId) {
        return jdbcTemplate.queryForObject("select status from signatures_envelopes where id = ?", String.class,
                envelopeId);
    }

    private UUID signerId(UUID envelopeId, String email) {
        return jdbcTemplate.queryForObject("select id from signatures_signers where envelope_id = ? and email = ?",
                UUID.class, envelopeId, email);
    }

    private static JsonNode eventOf(JsonNode envelope, String type) {
        for (JsonNode event : envelope.get("events")) {
            if (event.get("type").asString().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event in " + envelope);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
