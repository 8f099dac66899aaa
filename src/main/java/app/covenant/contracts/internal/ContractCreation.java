package app.covenant.contracts.internal;

import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.RichText;
import app.covenant.contracts.events.ContractCreated;
import app.covenant.contracts.internal.ContractVersion.Kind;
import app.covenant.contracts.paper.PaperContent;
import app.covenant.contracts.paper.PaperText;
import app.covenant.contracts.paper.PaperType;
import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.ContractTemplates;
import app.covenant.contracts.templates.FilledTemplate;
import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.documents.StagedDocument;
import app.covenant.identity.OrganizationCodes;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Creates contracts: from a template (filled by {@link ContractTemplates#fill}, cleaned by the allow-list) or from
 * uploaded third-party paper (checked and stored by the documents module before the transaction, its text extracted
 * for search; a scan is read by OCR later, {@link PaperOcr}). Each gets a reference {@code ORGCODE-YYMM-XXXXXX}; a
 * clash with an existing reference (the database's unique constraint) is drawn again, in a new transaction, up to
 * {@link #ATTEMPTS} times.
 */
@Component
class ContractCreation {

    static final String OWNER_MODULE = "contracts";
    static final int ATTEMPTS = 5;
    /** The text kept of uploaded paper (its column holds 1,000,000 characters, the body's paragraphs a little more). */
    static final int MAX_TEXT = 900_000;
    private static final Set<String> PAPER_TYPES = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ContractRepository contracts;
    private final VersionRecorder versions;
    private final ContractJournal journal;
    private final ContractTemplates templates;
    private final DocumentStorage documents;
    private final OrganizationCodes organizations;
    private final ContractReferences references = new ContractReferences();
    private final TransactionTemplate transaction;
    private final Clock clock;

    ContractCreation(ContractRepository contracts, VersionRecorder versions, ContractJournal journal,
                     ContractTemplates templates, DocumentStorage documents,
                     OrganizationCodes organizations, PlatformTransactionManager transactions, Clock clock) {
        this.contracts = contracts;
        this.versions = versions;
        this.journal = journal;
        this.templates = templates;
        this.documents = documents;
        this.organizations = organizations;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    ContractView fromTemplate(Caller caller, UUID templateId, ContractDetails details, Map<String, String> variables) {
        CheckedDetails checked = CheckedDetails.of(details);
        if (templateId == null) {
            throw ProblemException.invalid("templateId", "must name a template");
        }
        FilledTemplate filled = templates.fill(caller.organizationId(), templateId,
                variables == null ? Map.of() : variables);
        String body = RichText.clean(filled.bodyHtml());
        List<Annexure> annexures = cleaned(filled.annexures());
        ContractContent content = new ContractContent(checked, body, annexures, filled.values(), null,
                searchText(body, annexures));
        return insert(caller, filled.templateId(), filled.templateVersion(), Kind.CREATED, stored -> content);
    }

    ContractView fromPaper(Caller caller, ContractDetails details, String fileName, InputStream content) {
        CheckedDetails checked = CheckedDetails.of(details);
        if (content == null) {
            throw ProblemException.invalid("file", "Choose a PDF or DOCX file to upload.");
        }
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
        StagedDocument staged = documents.stage(fileName, new ByteArrayInputStream(bytes));
        if (!PAPER_TYPES.contains(staged.contentType())) {
            throw new ProblemException(415, "Upload the contract as a PDF or a DOCX file; this file is "
                    + staged.contentType() + ".");
        }
        // Parsing the file is slow work: done before the transaction, so no connection waits on it. A scan without a
        // text layer has no text: the contract is recorded, found by its title and counterparty, and PaperOcr reads
        // the scan in the background so that its words are found too.
        PaperContent paper = PaperText.extract(bytes);
        boolean scan = paper.type() == PaperType.PDF && !paper.hasText();
        String text = paper.text().length() > MAX_TEXT ? paper.text().substring(0, MAX_TEXT) : paper.text();
        // Escaping may lengthen the text: the body keeps less, within its column.
        String body = paragraphs(text.length() > MAX_TEXT / 2 ? text.substring(0, MAX_TEXT / 2) : text);
        return insert(caller, null, null, Kind.UPLOADED, contract -> {
            DocumentView stored = documents.store(new DocumentOwner(OWNER_MODULE, contract.getId(),
                    contract.organizationId()), staged, caller.userId());
            if (scan) {
                contract.awaitOcr();
            }
            return new ContractContent(checked, body, List.of(), Map.of(), stored.id(), text);
        });
    }

    private ContractView insert(Caller caller, UUID templateId, Integer templateVersion, Kind kind,
                                Function<Contract, ContractContent> contentOf) {
        String code = organizations.codeOf(caller.organizationId());
        for (int attempt = 1; ; attempt++) {
            String reference = freeReference(code);
            try {
                return transaction.execute(status -> {
                    Instant now = clock.instant();
                    Contract contract = new Contract(caller.organizationId(), reference, templateId, templateVersion,
                            caller.userId(), now);
                    contract.apply(contentOf.apply(contract), now);
                    contracts.saveAndFlush(contract);
                    versions.save(contract, kind, caller.userId(), null, null, now);
                    journal.record(caller, contract, kind == Kind.UPLOADED ? "contract.uploaded" : "contract.created",
                            null, Map.of(), now, new ContractCreated(contract.getId(), contract.organizationId(),
                                    reference, contract.ownerId(), templateId, now));
                    return ContractViews.of(contract);
                });
            } catch (DataIntegrityViolationException clash) {
                if (attempt >= ATTEMPTS || !mentionsReference(clash)) {
                    throw clash;
                }
            }
        }
    }

    /** A reference no contract has yet (the unique constraint still decides between two creations at once). */
    private String freeReference(String code) {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        String reference = references.next(code, month);
        for (int i = 0; i < ATTEMPTS && contracts.existsByReference(reference); i++) {
            reference = references.next(code, month);
        }
        return reference;
    }

    private static boolean mentionsReference(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("uq_contracts_reference");
    }

    static List<Annexure> cleaned(List<Annexure> annexures) {
        return annexures == null ? List.of() : annexures.stream()
                .map(a -> new Annexure(a.title() == null ? "" : a.title().strip(), RichText.clean(a.html())))
                .toList();
    }

    static String searchText(String body, List<Annexure> annexures) {
        StringBuilder text = new StringBuilder(RichText.text(body));
        annexures.forEach(a -> text.append('\n').append(a.title()).append('\n').append(RichText.text(a.html())));
        return text.toString();
    }

    /** Extracted text as HTML paragraphs (escaped), so versions and comparison read it like a drafted body. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }
}
