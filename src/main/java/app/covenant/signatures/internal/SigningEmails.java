package app.covenant.signatures.internal;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import java.time.Instant;
import java.util.HashMap;
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

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200);
    }
}
