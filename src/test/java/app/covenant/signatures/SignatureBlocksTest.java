package app.covenant.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.signatures.EnvelopeRequest.SignerRequest;
import app.covenant.support.PdfVerification;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
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
import tools.jackson.databind.JsonNode;

/**
 * Completion with signature blocks: each signature drawn on the original page where its anchor is, a missing
 * anchor noted in the certificate, and the sealed PDF e-mailed (attached, byte for byte) to every signer and
 * completion copy at a real SMTP server.
 */
class SignatureBlocksTest extends SmtpOutboxTestSupport {

    // Baselines (PDF user space, from the bottom of a Letter page) of the two anchors.
    private static final float SUB_BASELINE = 400;
    private static final float GC_BASELINE = 250;

    @Autowired
    Envelopes envelopes;
    @Autowired
    DocumentStorage documents;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbcTemplate;

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbcTemplate);
    }

    @Test
    void signaturesAreDrawnInTheirBlocksAndTheSealedPdfIsMailedToEverySignerAndCopy() throws Exception {
        String sub = uniqueAddress("sub");
        String gc = uniqueAddress("gc");
        String other = uniqueAddress("other");
        String admin = uniqueAddress("admin");
        UUID agreementId = UUID.randomUUID();
        UUID documentId = documents.store(new DocumentOwner("holdharmless", agreementId, tenant.organizationId()),
                "agreement.pdf", new ByteArrayInputStream(anchoredPdf()), null).id();
        UUID envelopeId = envelopes.open(new EnvelopeRequest(tenant.organizationId(), "Acme Builders",
                "Anchored agreement", documentId, List.of(
                new SignerRequest("Sam Sub", sub, "Subcontractor", 1, "[[sign:sub]]"),
                new SignerRequest("Gina GC", gc, "General contractor", 2, "[[sign:gc]]"),
                new SignerRequest("Olga Other", other, "Witness", 2, "[[sign:absent]]")),
                new EnvelopeOwner("holdharmless", agreementId), false, null).withCompletionCopies(List.of(admin)));
        assertThat(jdbcTemplate.queryForObject("select anchor from signatures_signers where envelope_id = ? and email = ?",
                String.class, envelopeId, sub)).isEqualTo("[[sign:sub]]");

        Evidence evidence = new Evidence("203.0.113.9", "JUnit", null);
        envelopes.signAs(envelopeId, signer(envelopeId, sub), new SignatureInput("Sam Sub",
                SignatureInput.SignatureType.TYPED, "Sam Sub", null, true), evidence);
        envelopes.signAs(envelopeId, signer(envelopeId, gc), new SignatureInput("Gina GC",
                SignatureInput.SignatureType.DRAWN, null, SignatureFixtures.drawnSignature(), true), evidence);
        envelopes.signAs(envelopeId, signer(envelopeId, other), new SignatureInput("Olga Other",
                SignatureInput.SignatureType.TYPED, "Olga Other", null, true), evidence);

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(jdbcTemplate.queryForObject(
                "select status from signatures_envelopes where id = ?", String.class, envelopeId)));
        Map<String, Object> row = jdbcTemplate.queryForMap(
                "select final_document_id, final_sha256 from signatures_envelopes where id = ?", envelopeId);
        byte[] finalPdf;
        try (DocumentContent content = documents.open((UUID) row.get("final_document_id"))) {
            finalPdf = content.stream().readAllBytes();
        }
        String finalSha256 = (String) row.get("final_sha256");
        // Kept for a look with a PDF reader: the signature blocks on page 1.
        java.nio.file.Files.write(java.nio.file.Path.of("target", "signatures-sample-anchored.pdf"), finalPdf);

        try (PDDocument pdf = Loader.loadPDF(finalPdf)) {
            PDPage first = pdf.getPage(0);
            float height = first.getMediaBox().getHeight();
            assertThat(textIn(first, height, SUB_BASELINE)).as("the typed signature, name and date in the sub's block")
                    .contains("Sam Sub").contains("Signed electronically").contains("UTC");
            assertThat(textIn(first, height, GC_BASELINE)).as("the GC's name and date in the GC's block")
                    .contains("Gina GC").contains("Signed electronically").doesNotContain("Sam Sub");
            assertThat(images(first)).as("the GC's drawn signature on the original page").isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Signatures").contains("Certificate of completion")
                    .contains("signature placed at anchor \"[[sign:sub]]\" on page 1")
                    .contains("signature placed at anchor \"[[sign:gc]]\" on page 1")
                    .contains("anchor \"[[sign:absent]]\" not found in the document");
        }
        String token = SignIn.accessToken(http, tenant.email("ADMIN"));
        HttpHeaders headers = SignIn.bearer(token);
        headers.setAccept(List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<byte[]> certificate = http.exchange("/api/v1/envelopes/" + envelopeId + "/certificate",
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(certificate.getStatusCode().value()).isEqualTo(200);
        try (PDDocument standalone = Loader.loadPDF(certificate.getBody()); PDDocument pdf = Loader.loadPDF(finalPdf)) {
            assertThat(blocksSection(new PDFTextStripper().getText(standalone)))
                    .as("the standalone certificate says what the final PDF's certificate page says")
                    .contains("signature placed at anchor \"[[sign:sub]]\" on page 1")
                    .contains("anchor \"[[sign:absent]]\" not found in the document")
                    .isEqualTo(blocksSection(new PDFTextStripper().getText(pdf)));
        }
        JsonNode verified = PdfVerification.verify(http, finalPdf, token);
        assertThat(verified.get("unchanged").asBoolean()).isTrue();
        assertThat(verified.get("sealValid").asBoolean()).isTrue();

        for (String address : List.of(sub, gc, other, admin)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> completedMail(address) != null);
            MimeMessage mail = completedMail(address);
            byte[] attached = pdfAttachment(mail);
            assertThat(sha256(attached)).as("the PDF attached for %s is the sealed final document", address)
                    .isEqualTo(finalSha256);
        }
        assertThat(jdbcTemplate.queryForObject("select count(*) from email_outbox_attachments a join email_outbox m "
                + "on m.id = a.message_id where m.to_address = ? and a.size_bytes = ?", Integer.class, admin,
                (long) finalPdf.length)).isEqualTo(1);
    }

    /** The certificate's "Signature blocks" section, up to the seal's note that follows it. */
    private static String blocksSection(String text) {
        int start = text.indexOf("Signature blocks");
        int end = text.indexOf("This document is sealed", start);
        assertThat(start).as("a Signature blocks section").isNotNegative();
        assertThat(end).isGreaterThan(start);
        return text.substring(start, end);
    }

    @Test
    void anAnchorMustBeShortPrintableText() {
        assertThatThrownBy(() -> new SignerRequest("Sam", "sam@example.test", "Sub", 1, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignerRequest("Sam", "sam@example.test", "Sub", 1, "[[x]]\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignerRequest("Sam", "sam@example.test", "Sub", 1, "x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SignerRequest("Sam", "sam@example.test", "Sub", 1).anchor()).isNull();
        assertThat(new SignerRequest("Sam", "sam@example.test", "Sub", 1, "x".repeat(64)).anchor()).hasSize(64);
    }

    private MimeMessage completedMail(String address) throws Exception {
        for (MimeMessage message : receivedFor(address)) {
            if (message.getSubject().startsWith("Completed: ")) {
                return message;
            }
        }
        return null;
    }

    private static byte[] pdfAttachment(MimeMessage mail) throws Exception {
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) mail.getContent();
        List<BodyPart> pdfs = new ArrayList<>();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                pdfs.add(part);
            }
        }
        assertThat(pdfs).singleElement().satisfies(part -> {
            assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(part.getFileName()).isEqualTo("Anchored agreement - signed.pdf");
        });
        try (InputStream in = pdfs.getFirst().getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The text of the block around an anchor: 50 pt above its baseline (the signature) to 20 pt below (name, date). */
    private static String textIn(PDPage page, float pageHeight, float baseline) throws IOException {
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        area.addRegion("block", new Rectangle2D.Float(60, pageHeight - baseline - 50, 400, 70));
        area.extractRegions(page);
        return area.getTextForRegion("block");
    }

    private static int images(PDPage page) throws IOException {
        int count = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                count++;
            }
        }
        return count;
    }

    /** A one-page agreement with two signature lines carrying anchors, and no images. */
    private static byte[] anchoredPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                write(out, font, 14, 700, "Hold-harmless agreement");
                write(out, font, 11, 650, "The subcontractor indemnifies the general contractor.");
                write(out, font, 11, SUB_BASELINE, "Subcontractor: [[sign:sub]]");
                write(out, font, 11, GC_BASELINE, "General contractor: [[sign:gc]]");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static void write(PDPageContentStream out, PDType1Font font, float size, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(72, y);
        out.showText(text);
        out.endText();
    }

    private UUID signer(UUID envelopeId, String email) {
        return jdbcTemplate.queryForObject("select id from signatures_signers where envelope_id = ? and email = ?",
                UUID.class, envelopeId, email);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
