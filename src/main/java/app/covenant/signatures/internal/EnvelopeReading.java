package app.covenant.signatures.internal;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The envelope pages' and API's reads that go beyond {@link app.covenant.signatures.Envelopes}. */
@Service
public class EnvelopeReading {

    private final EnvelopeService envelopes;
    private final EnvelopeRows rows;
    private final EvidenceTrail trail;
    private final DocumentStorage documents;

    EnvelopeReading(EnvelopeService envelopes, EnvelopeRows rows, EvidenceTrail trail, DocumentStorage documents) {
        this.documents = documents;
        this.envelopes = envelopes;
        this.rows = rows;
        this.trail = trail;
    }

    /** The original PDF; the caller closes it. 404 when {@code caller} may not read the envelope. */
    public DocumentContent original(Caller caller, UUID envelopeId) {
        return documents.open(envelopes.visible(caller, envelopeId).originalDocumentId());
    }

    /** The sealed final PDF; the caller closes it. 404 when not completed or {@code caller} may not read it. */
    public DocumentContent finalDocument(Caller caller, UUID envelopeId) {
        EnvelopeRecord envelope = envelopes.visible(caller, envelopeId);
        if (envelope.finalDocumentId() == null) {
            throw ProblemException.notFound("The completed document");
        }
        return documents.open(envelope.finalDocumentId());
    }

    /** The certificate of completion as a PDF of its own; 404 when {@code caller} may not read the envelope. */
    public byte[] certificate(Caller caller, UUID envelopeId) {
        EnvelopeRecord envelope = envelopes.visible(caller, envelopeId);
        byte[] original;
        try (DocumentContent content = documents.open(envelope.originalDocumentId())) {
            original = content.stream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the original of envelope " + envelopeId, e);
        }
        return CompletionPages.certificate(original, envelope, rows.signers(envelopeId), trail.of(envelopeId));
    }
}
