package app.covenant.signatures.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The signers' e-mails, through the outbox in the caller's transaction. */
@Component
class SigningEmails {

    private final EmailOutbox outbox;

    SigningEmails(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    void signingRequest(EnvelopeRecord envelope, SignerRecord signer, String token, Instant expiresAt) {
        Map<String, Object> model = new HashMap<>();
        model.put("signerName", signer.name());
        model.put("senderName", envelope.senderName());
        model.put("title", envelope.title());
        model.put("role", signer.role());
        model.put("link", "/sign?token=" + token);
        model.put("expiresAt", expiresAt);
        model.put("codeRequired", envelope.codeRequired());
        outbox.enqueue(new OutgoingEmail(signer.email(), "Please sign: " + oneLine(envelope.title()), "signing-request",
                model, envelope.organizationId()));
    }

    void code(EnvelopeRecord envelope, SignerRecord signer, String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("signerName", signer.name());
        model.put("title", envelope.title());
        model.put("code", code);
        model.put("validFor", SigningCodes.LIFETIME.toMinutes() + " minutes");
        outbox.enqueue(new OutgoingEmail(signer.email(), "Your signing code for " + oneLine(envelope.title()),
                "signing-code", model, envelope.organizationId()));
    }

    /**
     * The completed PDF to every signer and every completion copy (each address once), attached when it fits the
     * outbox's limit; otherwise the message says to download it signed in.
     */
    void completed(EnvelopeRecord envelope, List<SignerRecord> signers, byte[] finalPdf, String fileName,
                   String sha256, Instant completedAt) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        signers.forEach(signer -> recipients.putIfAbsent(signer.email().toLowerCase(Locale.ROOT),
                new Recipient(signer.email(), signer.name())));
        envelope.completionCopies().forEach(address -> recipients.putIfAbsent(address.toLowerCase(Locale.ROOT),
                new Recipient(address, null)));
        boolean attached = finalPdf.length <= OutgoingEmail.MAX_ATTACHMENTS_BYTES;
        List<OutgoingEmail.Attachment> files = attached
                ? List.of(new OutgoingEmail.Attachment(fileName, "application/pdf", finalPdf)) : List.of();
        recipients.values().forEach(recipient -> {
            Map<String, Object> model = new HashMap<>();
            model.put("recipientName", recipient.name());
            model.put("senderName", envelope.senderName());
            model.put("title", envelope.title());
            model.put("completedAt", completedAt);
            model.put("sha256", sha256);
            model.put("attached", attached);
            model.put("link", "/envelopes/" + envelope.id());
            outbox.enqueue(new OutgoingEmail(recipient.address(), "Completed: " + oneLine(envelope.title()),
                    "signing-completed", model, envelope.organizationId()).withAttachments(files));
        });
    }

    private record Recipient(String address, String name) {
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200);
    }
}
