package app.covenant.holdharmless.internal;

import app.covenant.holdharmless.HoldHarmlessStatus;
import app.covenant.insurance.access.AgreementFacts;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.signatures.EnvelopeCompleted;
import app.covenant.signatures.EnvelopeDeclined;
import app.covenant.signatures.EnvelopeOwner;
import app.covenant.signatures.EnvelopeSigned;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves agreements with their envelopes (each event after the signing transaction committed, from the event
 * registry): the sub's signature → {@code PENDING_GC_SIGNATURE} (the engine e-mails the GC their link); the GC's
 * is recorded; the sealed final PDF → {@code COMPLETED}; a decline → {@code REJECTED} with the reason. The assigned
 * admin is e-mailed on completion and on a decline. Each change is conditional on the status, so a repeated or
 * late event changes nothing.
 */
@Component
public class EnvelopeFollower {

    private final AgreementRows rows;
    private final StatusMirror mirror;
    private final AgreementFacts facts;
    private final EmailOutbox outbox;

    EnvelopeFollower(AgreementRows rows, StatusMirror mirror, AgreementFacts facts,
                     EmailOutbox outbox) {
        this.rows = rows;
        this.mirror = mirror;
        this.facts = facts;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(EnvelopeSigned signed) {
        ours(signed.owner()).ifPresent(row -> recordSignature(row, signed.signerRole(), signed.signedName(),
                signed.signedAt()));
    }

    /** Records a signature of the agreement's envelope (also called in the signed-in signer's own transaction). */
    public void recordSignature(AgreementRows.Row row, String role, String by, Instant at) {
        if (AgreementGeneration.SUB_ROLE.equals(role)) {
            if (rows.subSigned(row.id(), at, by)) {
                mirror.record(row.coiId(), HoldHarmlessStatus.PENDING_GC_SIGNATURE, at);
            }
        } else if (AgreementGeneration.GC_ROLE.equals(role)) {
            rows.gcSigned(row.id(), at, by);
        }
    }

    @ApplicationModuleListener
    void on(EnvelopeCompleted completed) {
        ours(completed.owner()).ifPresent(row -> {
            if (rows.completed(row.id(), completed.finalDocumentId(), completed.completedAt())) {
                // No notice of our own: the engine e-mails the sealed PDF to both signers and the assigned admin.
                mirror.record(row.coiId(), HoldHarmlessStatus.COMPLETED, completed.completedAt());
            }
        });
    }

    @ApplicationModuleListener
    void on(EnvelopeDeclined declined) {
        ours(declined.owner()).ifPresent(row -> recordDecline(row, declined.signerRole(), declined.signerEmail(),
                declined.reason(), declined.declinedAt()));
    }

    /**
     * Records a decline of the agreement's envelope and e-mails the assigned admin, once (also called in the
     * signed-in signer's own transaction; the event that follows then changes nothing).
     */
    public void recordDecline(AgreementRows.Row row, String role, String email, String reason, Instant at) {
        if (rows.rejected(row.id(), AgreementGeneration.cut(reason, 2000), email, at)) {
            mirror.record(row.coiId(), HoldHarmlessStatus.REJECTED, at);
            String who = AgreementGeneration.SUB_ROLE.equals(role) ? "The subcontractor" : "The general contractor";
            notifyAdmin(row, "Hold-harmless agreement declined", "The hold-harmless agreement was declined",
                    who + " (" + email + ") declined to sign the hold-harmless agreement.", "rejected", reason);
        }
    }

    private java.util.Optional<AgreementRows.Row> ours(EnvelopeOwner owner) {
        if (owner == null || !AgreementGeneration.OWNER_MODULE.equals(owner.module())) {
            return java.util.Optional.empty();
        }
        return rows.find(owner.recordId());
    }

    private void notifyAdmin(AgreementRows.Row row, String subject, String heading, String message, String status,
                             String reason) {
        facts.of(row.coiId()).filter(f -> f.assignedAdminEmail() != null).ifPresent(f -> {
            Map<String, Object> model = new HashMap<>();
            model.put("heading", heading);
            model.put("message", message);
            model.put("projectName", f.projectName());
            model.put("subcontractorName", f.subName());
            model.put("statusLabel", status);
            model.put("reason", reason);
            model.put("link", "/hold-harmless/" + row.id());
            outbox.enqueue(new OutgoingEmail(f.assignedAdminEmail(), AgreementGeneration.cut(subject + ": "
                    + f.subName() + " - " + f.projectName(), 250).replaceAll("[\\r\\n]", " "), "hold-harmless-update",
                    model, row.organizationId()));
        });
    }
}
