package app.covenant.signatures.internal;

import app.covenant.shared.security.Caller;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Whether an uploaded PDF is a document we completed, unchanged, with its seal intact. */
@Service
public class Verification {

    /**
     * @param issuedByUs it carries our seal or is byte for byte a document we completed
     * @param unchanged  its SHA-256 is that of a completed envelope's final PDF
     * @param sealValid  its PAdES seal is ours and verifies over the whole file
     * @param envelopeId the envelope, when unchanged and the caller's organization's (else null)
     */
    public record Result(boolean issuedByUs, boolean unchanged, boolean sealValid, UUID envelopeId,
                         Instant completedAt) {
    }

    private final EnvelopeRows rows;
    private final SealCheck seal;

    Verification(EnvelopeRows rows, SealCheck seal) {
        this.rows = rows;
        this.seal = seal;
    }

    public Result verify(Caller caller, byte[] pdf) {
        Optional<EnvelopeRecord> completed = rows.findCompletedBySha256(Hashes.sha256(pdf));
        SealCheck.Result sealed = seal.check(pdf);
        Optional<EnvelopeRecord> shown = completed.filter(envelope -> caller.canSee(envelope.organizationId()));
        return new Result(completed.isPresent() || sealed.ours(), completed.isPresent(), sealed.valid(),
                shown.map(EnvelopeRecord::id).orElse(null), shown.map(EnvelopeRecord::completedAt).orElse(null));
    }
}
