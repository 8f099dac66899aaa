package app.covenant.contracts.internal;

import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.internal.ContractLifecycle.Transition;
import app.covenant.contracts.templates.Annexure;
import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract (CLM.md "Contracts"): its details, the snapshot of body and annexures it was drafted with (or the text
 * of its uploaded paper), the SHA-256 of the body, owner, milestones and renewal terms. Its status moves only through
 * {@link #move}, which asks {@link ContractLifecycle}; the number of its current version and of its approval round
 * are counted here, under the row lock the services take, so two saves never take one number.
 */
@Entity
@Table(name = "contracts")
class Contract extends AssignedIdEntity {

    @Column(nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private String reference;
    @Column(nullable = false)
    private String title;
    private UUID templateId;
    private Integer templateVersion;
    @Column(nullable = false)
    private String counterpartyName;
    private String counterpartyBusinessName;
    private String counterpartyEmail;
    private LocalDate startDate;
    private LocalDate endDate;
    private BigDecimal amount;
    @Column(nullable = false)
    private String currency;
    private String description;
    @Column(nullable = false)
    private String bodyHtml;
    @Column(nullable = false)
    private String annexures;
    @Column(nullable = false)
    private String variableValues;
    @Column(nullable = false)
    private String searchText;
    @Column(nullable = false)
    private String bodySha256;
    private UUID documentId;
    @Column(nullable = false)
    private UUID ownerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractStatus status;
    private int currentVersion;
    private int approvalRound;
    private boolean autoRenew;
    private Integer renewalPeriodMonths;
    private Integer noticePeriodDays;
    private Instant submittedAt;
    private Instant legalApprovedAt;
    private Instant approvedAt;
    private Instant revisionRequestedAt;
    private Instant rejectedAt;
    private Instant escalatedAt;
    private Instant cancelledAt;
    private String cancellationReason;
    private Instant terminatedAt;
    private LocalDate terminationDate;
    private String terminationReason;
    /** Scanned paper waiting for, or done with, {@link PaperOcr}; null for any other contract. */
    @Enumerated(EnumType.STRING)
    private PaperOcrState paperOcr;
    private Instant paperOcrAt;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Contract() {
    }

    Contract(UUID organizationId, String reference, UUID templateId, Integer templateVersion, UUID ownerId,
             Instant now) {
        this.organizationId = organizationId;
        this.reference = reference;
        this.templateId = templateId;
        this.templateVersion = templateVersion;
        this.ownerId = ownerId;
        this.status = ContractStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes {@code content} as the contract's (creation, edit, restore); the caller checked the state. */
    void apply(ContractContent content, Instant now) {
        CheckedDetails details = content.details();
        this.title = details.title();
        this.counterpartyName = details.counterpartyName();
        this.counterpartyBusinessName = details.counterpartyBusinessName();
        this.counterpartyEmail = details.counterpartyEmail();
        this.startDate = details.startDate();
        this.endDate = details.endDate();
        this.amount = details.amount();
        this.currency = details.currency();
        this.description = details.description();
        this.autoRenew = details.autoRenew();
        this.renewalPeriodMonths = details.renewalPeriodMonths();
        this.noticePeriodDays = details.noticePeriodDays();
        this.bodyHtml = content.bodyHtml();
        this.annexures = JsonText.write(content.annexures());
        this.variableValues = JsonText.write(content.variables());
        this.searchText = content.searchText();
        this.bodySha256 = content.bodySha256();
        this.documentId = content.documentId();
        this.updatedAt = now;
    }

    /** What the contract holds now, as a version keeps it. */
    ContractContent content() {
        return new ContractContent(details(), bodyHtml, annexures(), variables(), documentId, searchText);
    }

    CheckedDetails details() {
        return new CheckedDetails(title, counterpartyName, counterpartyBusinessName, counterpartyEmail, startDate,
                endDate, amount, currency, description, autoRenew, renewalPeriodMonths, noticePeriodDays);
    }

    /** The number the next version takes (the row is locked by the caller). */
    int nextVersion(Instant now) {
        currentVersion++;
        updatedAt = now;
        return currentVersion;
    }

    /** Moves the status by {@code transition} (409 when it may not) and records the milestone. */
    ContractStatus move(Transition transition, Instant now) {
        ContractStatus next = ContractLifecycle.next(status, transition);
        switch (transition) {
            case SUBMIT -> {
                approvalRound++;
                submittedAt = now;
            }
            case ESCALATE -> escalatedAt = now;
            case LEGAL_APPROVE_THEN_FINANCE -> legalApprovedAt = now;
            case LEGAL_APPROVE_FINAL -> {
                legalApprovedAt = now;
                approvedAt = now;
            }
            case FINANCE_APPROVE -> approvedAt = now;
            case REQUEST_REVISION -> revisionRequestedAt = now;
            case REJECT -> rejectedAt = now;
            case CANCEL -> cancelledAt = now;
            case TERMINATE -> terminatedAt = now;
            default -> {
            }
        }
        status = next;
        updatedAt = now;
        return next;
    }

    /** Uploaded paper without text (a scan): {@link PaperOcr} reads it in the background. */
    void awaitOcr() {
        this.paperOcr = PaperOcrState.PENDING;
        this.paperOcrAt = null;
    }

    /**
     * The scan of {@code documentId} was read: its text becomes the searched text, unless the paper was replaced
     * or someone gave the contract text of its own meanwhile (that is kept). Body, versions and history stay as
     * they are: this is for search only.
     */
    void ocrRead(UUID documentId, String text, Instant now) {
        if (java.util.Objects.equals(this.documentId, documentId)
                && searchText.codePoints().noneMatch(Character::isLetterOrDigit)) {
            this.searchText = text;
        }
        this.paperOcr = PaperOcrState.DONE;
        this.paperOcrAt = now;
    }

    /** Reading the scan failed: recorded, not tried again. */
    void ocrFailed(Instant now) {
        this.paperOcr = PaperOcrState.FAILED;
        this.paperOcrAt = now;
    }

    PaperOcrState paperOcr() {
        return paperOcr;
    }

    Instant paperOcrAt() {
        return paperOcrAt;
    }

    void cancelled(String reason) {
        this.cancellationReason = reason;
    }

    void terminated(String reason, LocalDate endsOn) {
        this.terminationReason = reason;
        this.terminationDate = endsOn;
    }

    UUID organizationId() {
        return organizationId;
    }

    String reference() {
        return reference;
    }

    String title() {
        return title;
    }

    UUID templateId() {
        return templateId;
    }

    Integer templateVersion() {
        return templateVersion;
    }

    String counterpartyName() {
        return counterpartyName;
    }

    String counterpartyBusinessName() {
        return counterpartyBusinessName;
    }

    String counterpartyEmail() {
        return counterpartyEmail;
    }

    LocalDate startDate() {
        return startDate;
    }

    LocalDate endDate() {
        return endDate;
    }

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    String description() {
        return description;
    }

    String bodyHtml() {
        return bodyHtml;
    }

    List<Annexure> annexures() {
        return JsonText.annexures(annexures);
    }

    Map<String, String> variables() {
        return JsonText.strings(variableValues);
    }

    String bodySha256() {
        return bodySha256;
    }

    UUID documentId() {
        return documentId;
    }

    UUID ownerId() {
        return ownerId;
    }

    ContractStatus status() {
        return status;
    }

    int currentVersion() {
        return currentVersion;
    }

    int approvalRound() {
        return approvalRound;
    }

    boolean autoRenew() {
        return autoRenew;
    }

    Integer renewalPeriodMonths() {
        return renewalPeriodMonths;
    }

    Integer noticePeriodDays() {
        return noticePeriodDays;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant legalApprovedAt() {
        return legalApprovedAt;
    }

    Instant approvedAt() {
        return approvedAt;
    }

    Instant revisionRequestedAt() {
        return revisionRequestedAt;
    }

    Instant rejectedAt() {
        return rejectedAt;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    String cancellationReason() {
        return cancellationReason;
    }

    Instant terminatedAt() {
        return terminatedAt;
    }

    LocalDate terminationDate() {
        return terminationDate;
    }

    String terminationReason() {
        return terminationReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
