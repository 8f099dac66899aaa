package app.covenant.signatures.internal;

import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.security.VerifiedEmails;
import app.covenant.signatures.Evidence;
import app.covenant.signatures.SignatureInput;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing without the e-mailed link, signed in: the caller is the envelope's signer whose e-mail address is the
 * caller's own, once the caller has verified that address (else anyone could open an account with a signer's
 * address and sign). The same rules as by link apply (consent, turn: 400, 409); anyone who is not a signer, or
 * whose address is not verified, gets 404 and has nothing waiting.
 */
@Service
public class SignedInSigning {

    private final EnvelopeService envelopes;
    private final EnvelopeRows rows;
    private final VerifiedEmails verifiedEmails;

    SignedInSigning(EnvelopeService envelopes, EnvelopeRows rows, VerifiedEmails verifiedEmails) {
        this.envelopes = envelopes;
        this.rows = rows;
        this.verifiedEmails = verifiedEmails;
    }

    /** An envelope waiting for the caller's signature. */
    public record Waiting(UUID envelopeId, String title, String senderName, String role) {
    }

    /** The envelopes where it is the caller's turn to sign, oldest first. */
    @Transactional(readOnly = true)
    public List<Waiting> waitingFor(Caller caller) {
        if (caller.email() == null) {
            return List.of();
        }
        List<Waiting> waiting = rows.waitingFor(caller.email());
        return waiting.isEmpty() || verifiedEmails.isVerified(caller.userId()) ? waiting : List.of();
    }

    /** What the signing page shows the signed-in signer; 404 when the caller is not a signer of the envelope. */
    @Transactional(readOnly = true)
    public LinkSigning.PageView page(Caller caller, UUID envelopeId) {
        EnvelopeRecord envelope = rows.find(envelopeId).orElseThrow(SignedInSigning::notFound);
        List<SignerRecord> signers = rows.signers(envelopeId);
        SignerRecord signer = signerFor(caller, signers);
        boolean myTurn = envelope.status() == EnvelopeStatus.SENT && signer.status() == SignerStatus.NOTIFIED
                && SigningRules.currentOrder(signers).orElse(-1) == signer.order();
        return new LinkSigning.PageView(envelope.title(), envelope.senderName(), signer.name(), signer.role(), false,
                myTurn, 0, null);
    }

    @Transactional
    public void sign(Caller caller, UUID envelopeId, SignatureInput input, Evidence evidence) {
        rows.find(envelopeId).orElseThrow(SignedInSigning::notFound);
        SignerRecord signer = signerFor(caller, rows.signers(envelopeId));
        envelopes.signAs(envelopeId, signer.id(), input, evidence);
    }

    @Transactional
    public void decline(Caller caller, UUID envelopeId, String reason, Evidence evidence) {
        EnvelopeRecord envelope = rows.lock(envelopeId).orElseThrow(SignedInSigning::notFound);
        SignerRecord signer = signerFor(caller, rows.signers(envelopeId));
        envelopes.decline(envelope, signer, reason, evidence, AuthMethod.SIGNED_IN);
    }

    /**
     * The caller's signer: the one whose turn it is when the address signs twice; 404 when none, or when the
     * caller's address is not verified.
     */
    private SignerRecord signerFor(Caller caller, List<SignerRecord> signers) {
        String email = caller.email() == null ? null : caller.email().toLowerCase(Locale.ROOT);
        SignerRecord signer = signers.stream().filter(each -> each.email().toLowerCase(Locale.ROOT).equals(email))
                .min(Comparator.comparing((SignerRecord each) -> each.status() != SignerStatus.NOTIFIED)
                        .thenComparing(SignerRecord::order))
                .orElseThrow(SignedInSigning::notFound);
        if (!verifiedEmails.isVerified(caller.userId())) {
            throw notFound();
        }
        return signer;
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("The envelope");
    }
}
