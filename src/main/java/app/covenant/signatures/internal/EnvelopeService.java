package app.covenant.signatures.internal;

import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.security.VerifiedEmails;
import app.covenant.signatures.EnvelopeDeclined;
import app.covenant.signatures.EnvelopeRequest;
import app.covenant.signatures.EnvelopeSigned;
import app.covenant.signatures.EnvelopeView;
import app.covenant.signatures.Envelopes;
import app.covenant.signatures.Evidence;
import app.covenant.signatures.SignatureInput;
import app.covenant.signatures.SignaturesProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens envelopes, moves them from group to group, and records every signature and decline with its evidence. */
@Service
class EnvelopeService implements Envelopes {

    static final String READ = "signatures:read";

    private final EnvelopeRows rows;
    private final SigningLinks links;
    private final EvidenceTrail trail;
    private final SigningEmails emails;
    private final DocumentStorage documents;
    private final ApplicationEventPublisher events;
    private final SignaturesProperties properties;
    private final VerifiedEmails verifiedEmails;
    private final Clock clock;

    EnvelopeService(EnvelopeRows rows, SigningLinks links, EvidenceTrail trail, SigningEmails emails,
                    DocumentStorage documents, ApplicationEventPublisher events, SignaturesProperties properties,
                    VerifiedEmails verifiedEmails, Clock clock) {
        this.rows = rows;
        this.links = links;
        this.trail = trail;
        this.emails = emails;
        this.documents = documents;
        this.events = events;
        this.properties = properties;
        this.verifiedEmails = verifiedEmails;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID open(EnvelopeRequest request) {
        DocumentView document = documents.find(request.documentId())
                .filter(found -> found.organizationId().equals(request.organizationId()))
                .orElseThrow(() -> new IllegalArgumentException("documentId names no document of the organization"));
        if (!"application/pdf".equals(document.contentType())) {
            throw new IllegalArgumentException("only a PDF can be signed");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        rows.insert(id, request, document.sha256(), now);
        trail.record(new EvidenceTrail.Entry(id, null, "CREATED", AuthMethod.SYSTEM, null, document.sha256(),
                document.sha256(), request.title()), null, now);
        EnvelopeRecord envelope = rows.find(id).orElseThrow();
        notifyCurrentGroup(envelope, rows.signers(id), now);
        return id;
    }

    @Override
    @Transactional
    public void resend(UUID signerId) {
        SignerRecord signer = rows.signer(signerId).orElseThrow(() -> ProblemException.notFound("The signer"));
        EnvelopeRecord envelope = rows.lock(signer.envelopeId()).orElseThrow();
        if (envelope.status() != EnvelopeStatus.SENT || signer.status() != SignerStatus.NOTIFIED) {
            throw ProblemException.conflict("Only a signer whose turn it is and who has not signed yet gets a new link.");
        }
        issueLink(envelope, signer, clock.instant(), "LINK_RESENT");
    }

    @Override
    @Transactional
    public void signAs(UUID envelopeId, UUID signerId, SignatureInput input, Evidence evidence) {
        ValidSignature signature = SignatureCheck.check(input);
        EnvelopeRecord envelope = rows.lock(envelopeId).orElseThrow(() -> ProblemException.notFound("The envelope"));
        SignerRecord signer = signerOf(envelope, signerId);
        sign(envelope, signer, signature, evidence, AuthMethod.SIGNED_IN);
        links.revokeAll(signerId, clock.instant());
    }

    @Override
    @Transactional
    public void declineAs(UUID envelopeId, UUID signerId, String reason, Evidence evidence) {
        EnvelopeRecord envelope = rows.lock(envelopeId).orElseThrow(() -> ProblemException.notFound("The envelope"));
        decline(envelope, signerOf(envelope, signerId), reason, evidence, AuthMethod.SIGNED_IN);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EnvelopeView> get(UUID envelopeId) {
        return rows.find(envelopeId).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public EnvelopeView find(Caller caller, UUID envelopeId) {
        return view(visible(caller, envelopeId));
    }

    private EnvelopeView view(EnvelopeRecord envelope) {
        UUID envelopeId = envelope.id();
        List<EnvelopeView.Signer> signers = rows.signers(envelopeId).stream()
                .map(signer -> new EnvelopeView.Signer(signer.id(), signer.order(), signer.name(), signer.email(),
                        signer.role(), signer.status().name(), signer.signatureType(), signer.signedAt(),
                        signer.declineReason(), signer.declinedAt())).toList();
        return new EnvelopeView(envelope.id(), envelope.organizationId(), envelope.title(), envelope.status().name(),
                envelope.owner(), envelope.codeRequired(), envelope.originalDocumentId(), envelope.originalSha256(),
                envelope.finalDocumentId(), envelope.finalSha256(), envelope.createdAt(), envelope.completedAt(), signers,
                trail.of(envelopeId));
    }

    /**
     * The envelope if {@code caller} may read it (the organization's readers, and its own signers: a user whose
     * verified address is a signer's); else 404.
     */
    EnvelopeRecord visible(Caller caller, UUID envelopeId) {
        return rows.find(envelopeId)
                .filter(envelope -> (caller.canSee(envelope.organizationId()) && caller.has(READ))
                        || (caller.email() != null && rows.isSigner(envelopeId, caller.email())
                        && verifiedEmails.isVerified(caller.userId())))
                .orElseThrow(() -> ProblemException.notFound("The envelope"));
    }

    /** Records a signature of a locked envelope; the next group is e-mailed, or the seal is due. */
    void sign(EnvelopeRecord envelope, SignerRecord signer, ValidSignature signature, Evidence evidence,
              AuthMethod method) {
        SigningRules.requireTurn(envelope, signer, rows.signers(envelope.id()));
        Instant now = clock.instant();
        rows.markSigned(signer.id(), signature, now);
        trail.record(new EvidenceTrail.Entry(envelope.id(), signer.id(), "SIGNED", method, Disclosure.VERSION,
                envelope.originalSha256(), envelope.originalSha256(), signature.type().name() + " signature by "
                + signature.signerName()), evidence, now);
        List<SignerRecord> signers = rows.signers(envelope.id());
        boolean allSigned = signers.stream().allMatch(each -> each.status() == SignerStatus.SIGNED);
        events.publishEvent(new EnvelopeSigned(envelope.id(), envelope.organizationId(), signer.id(), signer.email(),
                signer.role(), signature.signerName(), envelope.owner(), now, allSigned));
        if (allSigned) {
            rows.setStatus(envelope.id(), EnvelopeStatus.SEALING);
            events.publishEvent(new SealDue(envelope.id()));
        } else {
            notifyCurrentGroup(envelope, signers, now);
        }
    }

    /** Records a decline of a locked envelope: it is over, every open link stops working. */
    void decline(EnvelopeRecord envelope, SignerRecord signer, String reason, Evidence evidence, AuthMethod method) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw ProblemException.invalid("reason", "Say why you decline (at most 2000 characters).");
        }
        List<SignerRecord> signers = rows.signers(envelope.id());
        SigningRules.requireTurn(envelope, signer, signers);
        Instant now = clock.instant();
        rows.markDeclined(signer.id(), text, now);
        rows.setStatus(envelope.id(), EnvelopeStatus.DECLINED);
        signers.forEach(each -> links.revokeAll(each.id(), now));
        trail.record(new EvidenceTrail.Entry(envelope.id(), signer.id(), "DECLINED", method, Disclosure.VERSION,
                envelope.originalSha256(), envelope.originalSha256(), text), evidence, now);
        events.publishEvent(new EnvelopeDeclined(envelope.id(), envelope.organizationId(), signer.id(), signer.email(),
                signer.role(), text, envelope.owner(), now));
    }

    SignerRecord signerOf(EnvelopeRecord envelope, UUID signerId) {
        return rows.signer(signerId).filter(signer -> signer.envelopeId().equals(envelope.id()))
                .orElseThrow(() -> ProblemException.notFound("The signer"));
    }

    private void notifyCurrentGroup(EnvelopeRecord envelope, List<SignerRecord> signers, Instant now) {
        int current = SigningRules.currentOrder(signers).orElseThrow();
        signers.stream().filter(signer -> signer.order() == current && signer.status() == SignerStatus.WAITING)
                .forEach(signer -> {
                    rows.markNotified(signer.id());
                    issueLink(envelope, signer, now, "LINK_SENT");
                });
    }

    private void issueLink(EnvelopeRecord envelope, SignerRecord signer, Instant now, String eventType) {
        Instant expiresAt = now.plus(properties.linkLifetime());
        String token = links.issue(signer.id(), now, expiresAt);
        emails.signingRequest(envelope, signer, token, expiresAt);
        trail.record(new EvidenceTrail.Entry(envelope.id(), signer.id(), eventType, AuthMethod.SYSTEM, null,
                envelope.originalSha256(), envelope.originalSha256(), "Signing link e-mailed to " + signer.email()),
                null, now);
    }
}
