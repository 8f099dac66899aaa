package app.covenant.holdharmless.internal;

import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.documents.StagedDocument;
import app.covenant.holdharmless.HoldHarmlessProperties;
import app.covenant.holdharmless.HoldHarmlessStatus;
import app.covenant.insurance.CertificateApproved;
import app.covenant.insurance.access.AgreementFacts;
import app.covenant.insurance.access.AgreementFacts.Facts;
import app.covenant.shared.problem.ProblemException;
import app.covenant.signatures.EnvelopeOwner;
import app.covenant.signatures.EnvelopeRequest;
import app.covenant.signatures.EnvelopeRequest.SignerRequest;
import app.covenant.signatures.Envelopes;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a certificate's agreement once its approval is committed (from Spring Modulith's event registry, in the
 * background, never inside the approval): when the program requires one, records it {@code PENDING_GENERATION}
 * (once per certificate: a re-approval finds it), renders the PDF, stores it through documents (staged outside any
 * transaction) and opens the envelope sub (order 1) then GC (order 2) — {@code PENDING_SUB_SIGNATURE}. Any failure
 * leaves the agreement {@code PENDING_GENERATION} with a sentence saying why; {@link #attempt} retries.
 *
 * <p>Dates: effective on the approval's day (in {@code covenant.hold-harmless.time-zone}); expiring with the
 * certificate's earliest policy expiration, or the project's end when the certificate has no policy dates, or
 * open-ended when neither is known.
 */
@Component
public class AgreementGeneration {

    public static final String OWNER_MODULE = "holdharmless";
    public static final String SUB_ROLE = "Subcontractor";
    public static final String GC_ROLE = "General contractor";
    static final String TITLE = "Hold-harmless agreement";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
    private static final Logger log = LoggerFactory.getLogger(AgreementGeneration.class);

    private final AgreementFacts facts;
    private final AgreementRows rows;
    private final AgreementTemplates templates;
    private final DefaultTemplates defaults;
    private final DocumentStorage documents;
    private final Envelopes envelopes;
    private final StatusMirror mirror;
    private final HoldHarmlessProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AgreementGeneration(AgreementFacts facts, AgreementRows rows, AgreementTemplates templates,
                        DefaultTemplates defaults, DocumentStorage documents, Envelopes envelopes, StatusMirror mirror,
                        HoldHarmlessProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.facts = facts;
        this.rows = rows;
        this.templates = templates;
        this.defaults = defaults;
        this.documents = documents;
        this.envelopes = envelopes;
        this.mirror = mirror;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(CertificateApproved approved) {
        generate(approved.coiId(), approved.approvedAt());
    }

    /**
     * The certificate's agreement when its program requires one: created and sent, or left pending with its error;
     * empty when the program requires none (or the certificate is unknown).
     */
    public Optional<UUID> generate(UUID coiId, Instant approvedAt) {
        Optional<Facts> found = facts.of(coiId);
        if (found.isEmpty() || !found.get().holdHarmlessRequired()) {
            return Optional.empty();
        }
        Facts f = found.get();
        LocalDate effective = LocalDate.ofInstant(approvedAt, properties.timeZone());
        LocalDate expiration = f.earliestExpiration() != null ? f.earliestExpiration() : f.projectEnd();
        if (expiration != null && expiration.isBefore(effective)) {
            expiration = effective;
        }
        LocalDate expires = expiration;
        UUID id = transaction.execute(status -> {
            Optional<AgreementRows.Row> existing = rows.ofCoi(coiId);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            UUID created = UUID.randomUUID();
            Instant now = clock.instant();
            rows.insertPending(created, f.organizationId(), coiId, f.projectId(), f.subId(), f.gcId(), effective,
                    expires, now);
            UUID stored = rows.ofCoi(coiId).orElseThrow().id();
            if (stored.equals(created)) {
                mirror.record(coiId, HoldHarmlessStatus.PENDING_GENERATION, now);
            }
            return stored;
        });
        attempt(id);
        return Optional.of(id);
    }

    /**
     * Renders, stores and sends a {@code PENDING_GENERATION} agreement (nothing for one in any other status); a
     * failure is recorded on it. Must run outside a transaction (storing the PDF does).
     */
    public void attempt(UUID agreementId) {
        AgreementRows.Row row = rows.find(agreementId).orElseThrow(() -> ProblemException.notFound("Agreement"));
        if (row.status() != HoldHarmlessStatus.PENDING_GENERATION) {
            return;
        }
        try {
            Facts f = facts.of(row.coiId()).orElseThrow(() -> new IllegalStateException(
                    "The certificate of this agreement no longer exists."));
            Signers signers = signers(f);
            String template = f.holdHarmlessTemplate() != null && !f.holdHarmlessTemplate().isBlank()
                    ? f.holdHarmlessTemplate() : defaults.of(f.organizationId());
            byte[] pdf = templates.pdf(TITLE + " - " + f.projectName(), template, values(f, row.effectiveDate(),
                    row.expirationDate()));
            StagedDocument staged = documents.stage(fileName(f), new ByteArrayInputStream(pdf));
            transaction.executeWithoutResult(status -> {
                AgreementRows.Row locked = rows.lock(agreementId).orElseThrow();
                if (locked.status() != HoldHarmlessStatus.PENDING_GENERATION) {
                    return; // another attempt sent it meanwhile; the staged content is left to the orphan cleanup
                }
                DocumentView stored = documents.store(new DocumentOwner(OWNER_MODULE, agreementId,
                        f.organizationId()), staged, null);
                UUID envelopeId = envelopes.open(new EnvelopeRequest(f.organizationId(), senderName(f),
                        TITLE + ": " + cut(f.projectName(), 250), stored.id(), List.of(
                        new SignerRequest(signers.subName(), signers.subEmail(), SUB_ROLE, 1,
                                AgreementTemplates.SUB_ANCHOR),
                        new SignerRequest(signers.gcName(), signers.gcEmail(), GC_ROLE, 2,
                                AgreementTemplates.GC_ANCHOR)),
                        new EnvelopeOwner(OWNER_MODULE, agreementId), false, null)
                        // The engine e-mails every signer the sealed PDF; the assigned admin gets it too.
                        .withCompletionCopies(f.assignedAdminEmail() == null ? List.of()
                                : List.of(f.assignedAdminEmail())));
                Instant now = clock.instant();
                rows.sent(agreementId, stored.id(), envelopeId, signers.subName(), signers.subEmail(),
                        signers.gcName(), signers.gcEmail(), now);
                mirror.record(locked.coiId(), HoldHarmlessStatus.PENDING_SUB_SIGNATURE, now);
            });
        } catch (RuntimeException e) {
            String error = sentence(e);
            log.warn("Hold-harmless agreement {} could not be generated: {}", agreementId, error);
            transaction.executeWithoutResult(status -> rows.generationFailed(agreementId, error, clock.instant()));
        }
    }

    record Signers(String subName, String subEmail, String gcName, String gcEmail) {
    }

    private static Signers signers(Facts f) {
        if (f.subEmail() == null) {
            throw new IllegalStateException("The subcontractor " + f.subName() + " has no contact e-mail address and no "
                    + "linked user to send the agreement to.");
        }
        if (f.gcEmail() == null) {
            throw new IllegalStateException("Neither the project nor the general contractor " + f.gcName()
                    + " has a contact e-mail address to send the agreement to.");
        }
        String gcName = f.gcContactName() != null && !f.gcContactName().isBlank() ? f.gcContactName() : f.gcName();
        return new Signers(cut(f.subName(), 200), f.subEmail(), cut(gcName, 200), f.gcEmail());
    }

    /** The values of the placeholders for the certificate's facts. */
    static Map<String, String> values(Facts f, LocalDate effective, LocalDate expiration) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PROJECT_NAME", f.projectName());
        values.put("PROJECT_ADDRESS", orElse(f.projectAddress(), "the project's site"));
        values.put("GC_NAME", f.gcName());
        values.put("GC_EMAIL", orElse(f.gcEmail(), ""));
        values.put("OWNER_ENTITY", orElse(f.ownerEntity(), "the project's owner"));
        Set<String> insureds = new LinkedHashSet<>();
        insureds.add(f.gcName());
        if (f.ownerEntity() != null && !f.ownerEntity().isBlank()) {
            insureds.add(f.ownerEntity().strip());
        }
        f.additionalInsureds().stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(insureds::add);
        values.put("ADDITIONAL_INSUREDS", String.join("; ", insureds));
        values.put("SUB_NAME", f.subName());
        values.put("SUB_EMAIL", orElse(f.subEmail(), ""));
        values.put("EFFECTIVE_DATE", DATE.format(effective));
        values.put("EXPIRATION_DATE", expiration == null ? "the completion of the Work" : DATE.format(expiration));
        return values;
    }

    /** Sample values for a template preview. */
    public static Map<String, String> sampleValues(LocalDate today) {
        Facts sample = new Facts(null, null, "Sample organization", "ACTIVE", null, "Gowanus Canal Residences",
                "475 Bond Street, Brooklyn, NY 11231", today, today.plusYears(1), "Bond Street Gowanus Owner LLC",
                List.of("Gowanus Development Partners LP"), null, "Demo Builders LLC", "projects@demobuilders.test",
                "Gale Contractor", null, "Demo Electric Inc", "office@demoelectric.test", null, true, null,
                today.plusYears(1), null);
        return values(sample, today, today.plusYears(1));
    }

    private static String sentence(RuntimeException e) {
        String message = e instanceof ProblemException problem ? problem.getMessage() : e.getMessage();
        if (e instanceof AgreementTemplates.TemplateException || e instanceof IllegalStateException
                || e instanceof ProblemException) {
            return cut(message == null ? "The agreement could not be generated." : message.strip(), 1000);
        }
        return "The agreement could not be generated (" + e.getClass().getSimpleName() + "); retry it, and if it fails "
                + "again ask an administrator to check the application log.";
    }

    private static String senderName(Facts f) {
        return f.organizationName() == null || f.organizationName().isBlank() ? f.gcName() : f.organizationName();
    }

    private static String fileName(Facts f) {
        String name = ("Hold-harmless agreement " + f.subName() + " - " + f.projectName()).replaceAll("[^A-Za-z0-9 ._-]", "");
        return cut(name, 150) + ".pdf";
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
