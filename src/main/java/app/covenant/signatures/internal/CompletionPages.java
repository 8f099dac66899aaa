package app.covenant.signatures.internal;

import app.covenant.signatures.EnvelopeView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The pages completion adds to the original PDF: a signatures page (each signer's drawn image or typed name,
 * with name, role and time) and the certificate of completion (signers, events with their evidence, hashes).
 */
final class CompletionPages {

    static final String CERTIFICATE_TITLE = "Certificate of completion";
    static final String ENVELOPE_KEY = "CovenantEnvelopeId";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CompletionPages() {
    }

    /** The original with the signatures page and the certificate appended (not yet sealed). */
    static byte[] finalDocument(byte[] original, EnvelopeRecord envelope, List<SignerRecord> signers,
                                List<EnvelopeView.Event> events) {
        try (PDDocument document = Loader.loadPDF(original)) {
            List<SignatureBlocks.Placement> placements = SignatureBlocks.draw(document, signers);
            try (PageWriter writer = new PageWriter(document)) {
                signaturesPage(writer, envelope, signers);
                writer.newPage();
                certificate(writer, envelope, signers, events, null, placements);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCustomMetadataValue(ENVELOPE_KEY, envelope.id().toString());
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the final PDF of envelope " + envelope.id(), e);
        }
    }

    /**
     * The certificate of completion on its own, with the final document's hash once there is one: the same page the
     * final PDF ends with, signature blocks included (located in {@code original}, the envelope's original PDF).
     */
    static byte[] certificate(byte[] original, EnvelopeRecord envelope, List<SignerRecord> signers,
                              List<EnvelopeView.Event> events) {
        List<SignatureBlocks.Placement> placements;
        try (PDDocument originalDocument = Loader.loadPDF(original)) {
            placements = SignatureBlocks.locate(originalDocument, signers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the original PDF of envelope " + envelope.id(), e);
        }
        try (PDDocument document = new PDDocument()) {
            try (PageWriter writer = new PageWriter(document)) {
                certificate(writer, envelope, signers, events, envelope.finalSha256(), placements);
            }
            document.getDocumentInformation().setTitle(CERTIFICATE_TITLE + " - " + envelope.title());
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the certificate of envelope " + envelope.id(), e);
        }
    }

    private static void signaturesPage(PageWriter writer, EnvelopeRecord envelope, List<SignerRecord> signers)
            throws IOException {
        writer.text("Signatures", PageWriter.Style.BOLD, 18);
        writer.text(envelope.title(), PageWriter.Style.REGULAR, 11);
        writer.gap(10);
        for (SignerRecord signer : signers) {
            writer.rule();
            writer.gap(6);
            if (signer.signaturePng() != null) {
                writer.image(signer.signaturePng(), 220, 80);
            } else {
                writer.text(signer.typedSignature(), PageWriter.Style.SCRIPT, 24);
            }
            writer.text(signer.signedName() + " (" + signer.role() + ")", PageWriter.Style.BOLD, 11);
            writer.text("Signed electronically on " + time(signer.signedAt()) + " - " + signer.email(),
                    PageWriter.Style.REGULAR, 9);
            writer.gap(12);
        }
    }

    /** The certificate of completion, in the final PDF and on its own alike. */
    private static void certificate(PageWriter writer, EnvelopeRecord envelope, List<SignerRecord> signers,
                                    List<EnvelopeView.Event> events, String finalSha256,
                                    List<SignatureBlocks.Placement> placements) throws IOException {
        writer.text(CERTIFICATE_TITLE, PageWriter.Style.BOLD, 18);
        writer.text(envelope.title() + " - sent by " + envelope.senderName(), PageWriter.Style.REGULAR, 11);
        writer.text("Envelope " + envelope.id(), PageWriter.Style.REGULAR, 9);
        writer.text("Original document SHA-256: " + envelope.originalSha256(), PageWriter.Style.REGULAR, 9);
        if (finalSha256 != null) {
            writer.text("Completed document SHA-256: " + finalSha256, PageWriter.Style.REGULAR, 9);
        }
        writer.text("Consent to electronic signature: " + Disclosure.VERSION, PageWriter.Style.REGULAR, 9);
        writer.gap(8);
        writer.text("Signers", PageWriter.Style.BOLD, 13);
        for (SignerRecord signer : signers) {
            writer.text(signer.order() + ". " + signer.name() + " <" + signer.email() + "> - " + signer.role() + " - "
                    + signer.status() + (signer.signedAt() == null ? "" : " " + time(signer.signedAt())),
                    PageWriter.Style.REGULAR, 9);
        }
        writer.gap(8);
        writer.text("Events (server time, UTC)", PageWriter.Style.BOLD, 13);
        Map<UUID, SignerRecord> byId = signers.stream().collect(Collectors.toMap(SignerRecord::id, Function.identity()));
        for (EnvelopeView.Event event : events) {
            SignerRecord signer = event.signerId() == null ? null : byId.get(event.signerId());
            writer.text(time(event.occurredAt()) + "  " + event.type() + (signer == null ? "" : "  " + signer.name())
                    + (event.authMethod() == null ? "" : "  by " + event.authMethod())
                    + (event.ipAddress() == null ? "" : "  IP " + event.ipAddress())
                    + (event.disclosureVersion() == null ? "" : "  consent " + event.disclosureVersion()),
                    PageWriter.Style.REGULAR, 8);
            if (event.userAgent() != null) {
                writer.text("    " + event.userAgent(), PageWriter.Style.REGULAR, 7);
            }
            writer.text("    document before " + event.hashBefore() + "  after " + event.hashAfter(),
                    PageWriter.Style.REGULAR, 7);
        }
        signatureBlocks(writer, placements);
        writer.gap(8);
        writer.text("This document is sealed with a PAdES signature; POST it to /api/v1/signatures/verify to check "
                + "that it is the one we completed, unchanged.", PageWriter.Style.REGULAR, 8);
    }

    /** Where each signer with an anchor was signed in the document, or that their anchor was not found. */
    private static void signatureBlocks(PageWriter writer, List<SignatureBlocks.Placement> placements)
            throws IOException {
        if (placements.isEmpty()) {
            return;
        }
        writer.gap(8);
        writer.text("Signature blocks", PageWriter.Style.BOLD, 13);
        for (SignatureBlocks.Placement placement : placements) {
            SignerRecord signer = placement.signer();
            // Before completion (a certificate asked for on its own) a signer may not have signed yet.
            boolean signed = signer.status() == SignerStatus.SIGNED;
            writer.text(placement.found()
                    ? signer.name() + (signed ? ": signature placed at anchor \"" : ": signature block at anchor \"")
                    + signer.anchor() + "\" on page" + (placement.pages().size() == 1 ? " " : "s ")
                    + placement.pages().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (signed ? "" : " (not signed yet)")
                    : signer.name() + ": anchor \"" + signer.anchor() + "\" not found in the document; the signature "
                    + "is on the signatures page only", PageWriter.Style.REGULAR, 9);
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
