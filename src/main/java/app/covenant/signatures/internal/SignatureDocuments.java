package app.covenant.signatures.internal;

import app.covenant.documents.DocumentAccessPolicy;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Completed PDFs (owned by their envelope) download for whoever may read the envelope. */
@Component
class SignatureDocuments implements DocumentAccessPolicy {

    private final EnvelopeService envelopes;

    SignatureDocuments(EnvelopeService envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public String ownerModule() {
        return EnvelopeSealing.OWNER_MODULE;
    }

    @Override
    public boolean canRead(Caller caller, UUID ownerRecordId) {
        try {
            envelopes.visible(caller, ownerRecordId);
            return true;
        } catch (ProblemException notVisible) {
            return false;
        }
    }
}
