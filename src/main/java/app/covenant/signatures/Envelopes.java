package app.covenant.signatures;

import app.covenant.shared.security.Caller;
import java.util.Optional;
import java.util.UUID;

/**
 * The signing engine for other modules. {@link #open} and {@link #resend} join the caller's transaction
 * (their e-mails go through the outbox in it). Each signature publishes {@link EnvelopeSigned}; the last one
 * also has the envelope sealed after the commit, in the background, which then publishes {@link
 * EnvelopeCompleted}. A decline publishes {@link EnvelopeDeclined}.
 */
public interface Envelopes {

    /** Records the envelope and e-mails the first group of signers their links; answers the envelope id. */
    UUID open(EnvelopeRequest request);

    /** Issues {@code signerId} a new link (the previous one stops working) and e-mails it; 409 when not their turn. */
    void resend(UUID signerId);

    /**
     * Signs for {@code signerId} without a link: a signed-in user the caller module has identified as that
     * signer. The same rules as by link apply (consent, their group's turn, not yet signed): 400, 409.
     */
    void signAs(UUID envelopeId, UUID signerId, SignatureInput signature, Evidence evidence);

    /**
     * Declines for {@code signerId} without a link, as {@link #signAs} signs: the same rules as the link's decline
     * (their group's turn, not yet signed or declined: 409; a reason of 1 to 2000 characters: 400). The envelope is
     * over, every open link stops working, and {@link EnvelopeDeclined} is published.
     */
    void declineAs(UUID envelopeId, UUID signerId, String reason, Evidence evidence);

    /**
     * The envelope for the module that opened it, which has authorised its own caller already (as with
     * documents): signer ids to {@link #resend} or {@link #signAs}, statuses, events. Empty when unknown.
     */
    Optional<EnvelopeView> get(UUID envelopeId);

    /** The envelope as {@code caller} may see it: 404 for another organization's or one they may not read. */
    EnvelopeView find(Caller caller, UUID envelopeId);
}
