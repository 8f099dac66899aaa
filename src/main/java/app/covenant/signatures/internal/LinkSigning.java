package app.covenant.signatures.internal;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.shared.problem.ProblemException;
import app.covenant.signatures.Evidence;
import app.covenant.signatures.SignatureInput;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a signing link allows: see the page and the document, ask for a one-time code, sign or decline once.
 * A link never seen answers 404; a used, replaced or expired one 410.
 */
@Service
public class LinkSigning {

    private final SigningLinks links;
    private final SigningCodes codes;
    private final EnvelopeRows rows;
    private final EnvelopeService envelopes;
    private final EvidenceTrail trail;
    private final SigningEmails emails;
    private final DocumentStorage documents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LinkSigning(SigningLinks links, SigningCodes codes, EnvelopeRows rows, EnvelopeService envelopes,
                EvidenceTrail trail, SigningEmails emails, DocumentStorage documents,
                PlatformTransactionManager transactions, Clock clock) {
        this.links = links;
        this.codes = codes;
        this.rows = rows;
        this.envelopes = envelopes;
        this.trail = trail;
        this.emails = emails;
        this.documents = documents;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What the signing page shows; {@code problem} says why the link does not work, when it does not. */
    public record PageView(String title, String senderName, String signerName, String role, boolean codeRequired,
                           boolean myTurn, int problemStatus, String problem) {
    }

    public PageView page(String token) {
        SigningLinks.Link link;
        try {
            link = usable(token);
        } catch (ProblemException e) {
            return new PageView(null, null, null, null, false, false, e.status(), e.getMessage());
        }
        EnvelopeRecord envelope = rows.find(link.envelopeId()).orElseThrow();
        SignerRecord signer = rows.signer(link.signerId()).orElseThrow();
        boolean myTurn = envelope.status() == EnvelopeStatus.SENT && SigningRules.currentOrder(rows.signers(envelope.id()))
                .orElse(-1) == signer.order();
        return new PageView(envelope.title(), envelope.senderName(), signer.name(), signer.role(),
                envelope.codeRequired(), myTurn, 0, null);
    }

    /** The original PDF, for the page to show; the caller closes it. */
    public DocumentContent document(String token) {
        SigningLinks.Link link = usable(token);
        return documents.open(rows.find(link.envelopeId()).orElseThrow().originalDocumentId());
    }

    public void sendCode(String token, Evidence evidence) {
        transaction.executeWithoutResult(status -> {
            SigningLinks.Link link = usable(token);
            EnvelopeRecord envelope = rows.find(link.envelopeId()).orElseThrow();
            if (!envelope.codeRequired()) {
                throw ProblemException.conflict("This envelope needs no code: sign directly.");
            }
            SignerRecord signer = rows.signer(link.signerId()).orElseThrow();
            Instant now = clock.instant();
            if (codes.tooMany(link.id(), now)) {
                throw new ProblemException(429, "Too many codes were asked for with this link: try again in an hour.");
            }
            emails.code(envelope, signer, codes.issue(link.id(), now));
            trail.record(new EvidenceTrail.Entry(envelope.id(), signer.id(), "CODE_SENT", AuthMethod.LINK, null,
                    envelope.originalSha256(), envelope.originalSha256(), "One-time code e-mailed to " + signer.email()),
                    evidence, now);
        });
    }

    public void sign(String token, SignatureInput input, String code, Evidence evidence) {
        ValidSignature signature = SignatureCheck.check(input);
        AuthMethod method = checkCode(token, code);
        transaction.executeWithoutResult(status -> {
            SigningLinks.Link link = usable(token);
            EnvelopeRecord envelope = rows.lock(link.envelopeId()).orElseThrow();
            SignerRecord signer = envelopes.signerOf(envelope, link.signerId());
            consume(link);
            envelopes.sign(envelope, signer, signature, evidence, method);
        });
    }

    public void decline(String token, String reason, Evidence evidence) {
        transaction.executeWithoutResult(status -> {
            SigningLinks.Link link = usable(token);
            EnvelopeRecord envelope = rows.lock(link.envelopeId()).orElseThrow();
            SignerRecord signer = envelopes.signerOf(envelope, link.signerId());
            consume(link);
            envelopes.decline(envelope, signer, reason, evidence, AuthMethod.LINK);
        });
    }

    /** Checks the one-time code when the envelope asks for one; a wrong try is counted even though it fails. */
    private AuthMethod checkCode(String token, String code) {
        SigningCodes.Outcome outcome = transaction.execute(status -> {
            SigningLinks.Link link = usable(token);
            if (!rows.find(link.envelopeId()).orElseThrow().codeRequired()) {
                return null;
            }
            return codes.verify(link.id(), code, clock.instant());
        });
        if (outcome == null) {
            return AuthMethod.LINK;
        }
        return switch (outcome) {
            case VERIFIED -> AuthMethod.LINK_AND_CODE;
            case WRONG -> throw ProblemException.invalid("code", "The code is not the one we e-mailed.");
            case EXHAUSTED -> throw ProblemException.invalid("code", "Too many wrong tries: ask for a new code.");
            case NONE -> throw ProblemException.invalid("code", "Ask for a code first: it works for 10 minutes.");
        };
    }

    private void consume(SigningLinks.Link link) {
        if (!links.use(link.id(), clock.instant())) {
            throw gone("This signing link was used already, or a newer link replaced it.");
        }
    }

    private SigningLinks.Link usable(String token) {
        SigningLinks.Link link = links.find(token)
                .orElseThrow(() -> new ProblemException(404, "This signing link is not one we sent."));
        return switch (link.state(clock.instant())) {
            case USABLE -> link;
            case USED -> throw gone("This signing link was used already, or a newer link replaced it.");
            case EXPIRED -> throw gone("This signing link has expired: ask the sender for a new one.");
        };
    }

    private static ProblemException gone(String detail) {
        return new ProblemException(410, detail);
    }
}
