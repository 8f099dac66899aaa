package app.covenant.signatures.internal;

import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The envelope pages' and API's reads that go beyond {@link app.covenant.signatures.Envelopes}. */
@Service
public class EnvelopeReading {

    private final EnvelopeService envelopes;
    private final EnvelopeRows rows;
    private final EvidenceTrail trail;

    EnvelopeReading(EnvelopeService envelopes, EnvelopeRows rows, EvidenceTrail trail) {
        this.envelopes = envelopes;
        this.rows = rows;
        this.trail = trail;
    }

    /** The certificate of completion as a PDF of its own; 404 when {@code caller} may not read the envelope. */
    public byte[] certificate(Caller caller, UUID envelopeId) {
        EnvelopeRecord envelope = envelopes.visible(caller, envelopeId);
        return CompletionPages.certificate(envelope, rows.signers(envelopeId), trail.of(envelopeId));
    }
}
