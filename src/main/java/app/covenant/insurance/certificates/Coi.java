package app.covenant.insurance.certificates;

import app.covenant.insurance.CoiStatus;
import app.covenant.shared.persistence.AssignedIdEntity;
import app.covenant.shared.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A certificate of insurance: one sub on one project, moving through the states of INSURANCE.md. Each
 * transition is one method that refuses ({@code 409}, naming the current status) when the certificate is not in
 * a state it may leave that way; who may ask is the workflow's check ({@link CoiWorkflow}). Its children
 * (brokers, documents, policies, deficiencies, overrides, transitions) are rows of {@link CoiRows}.
 */
@Entity
@Table(name = "insurance_cois")
class Coi extends AssignedIdEntity {

    enum BrokerType { GLOBAL, PER_POLICY }

    enum Decision { APPROVED, REJECTED }

    @Column(nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private UUID projectId;
    @Column(nullable = false)
    private UUID subId;
    @Column(nullable = false)
    private UUID gcId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CoiStatus status;
    @Enumerated(EnumType.STRING)
    private BrokerType brokerType;
    private String assignedAdminEmail;
    // Written only by holdharmless (AgreementFacts): the entity never writes it back, so no version race.
    @Column(insertable = false, updatable = false)
    private String holdHarmlessStatus;
    private String certificateHolder;
    private UUID renewalOfId;
    private UUID copiedFromId;
    private Instant uploadSubmittedAt;
    private UUID uploadSubmittedBy;
    private Instant attestedAt;
    private UUID attestedBy;
    private String attestationSignerName;
    private Instant reviewRequestedAt;
    private UUID reviewerId;
    private Instant reviewedAt;
    @Enumerated(EnumType.STRING)
    private Decision reviewDecision;
    private String reviewNotes;
    private Instant policiesConfirmedAt;
    private UUID policiesConfirmedBy;
    private LocalDate earliestExpiration;
    private UUID createdBy;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Coi() {
    }

    Coi(UUID organizationId, UUID projectId, UUID subId, UUID gcId, String assignedAdminEmail,
        String certificateHolder, UUID createdBy, Instant now) {
        this.organizationId = organizationId;
        this.projectId = projectId;
        this.subId = subId;
        this.gcId = gcId;
        this.status = CoiStatus.AWAITING_BROKER_INFO;
        this.assignedAdminEmail = assignedAdminEmail;
        this.certificateHolder = certificateHolder;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A renewal of {@code previous}: same project, sub, GC and brokers, waiting for the broker's upload. */
    static Coi renewalOf(Coi previous, UUID createdBy, Instant now) {
        Coi renewal = new Coi(previous.organizationId, previous.projectId, previous.subId, previous.gcId,
                previous.assignedAdminEmail, previous.certificateHolder, createdBy, now);
        renewal.renewalOfId = previous.getId();
        renewal.brokerType = previous.brokerType;
        renewal.status = CoiStatus.AWAITING_BROKER_UPLOAD;
        return renewal;
    }

    /** Refuses with {@code 409} unless the certificate is in one of {@code allowed}. */
    void require(String action, CoiStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw ProblemException.conflict("The certificate cannot " + action + " while it is " + status + "; that "
                    + "is possible only when it is " + Arrays.stream(allowed).map(Enum::name)
                    .collect(Collectors.joining(" or ")) + ".");
        }
    }

    /** The brokers were named: the broker uploads next (saving them again while waiting for it keeps the state). */
    CoiStatus brokersNamed(BrokerType type, Instant now) {
        require("take broker information", CoiStatus.AWAITING_BROKER_INFO, CoiStatus.AWAITING_BROKER_UPLOAD);
        this.brokerType = type;
        return moveTo(CoiStatus.AWAITING_BROKER_UPLOAD, now);
    }

    /** On creation, when the sub's stored brokers were copied onto it. */
    void startWithKnownBrokers(BrokerType type) {
        require("start with the sub's brokers", CoiStatus.AWAITING_BROKER_INFO);
        this.brokerType = type;
        this.status = CoiStatus.AWAITING_BROKER_UPLOAD;
    }

    CoiStatus uploadSubmitted(UUID by, Instant now) {
        require("be submitted for signature", CoiStatus.AWAITING_BROKER_UPLOAD);
        this.uploadSubmittedAt = now;
        this.uploadSubmittedBy = by;
        return moveTo(CoiStatus.AWAITING_BROKER_SIGNATURE, now);
    }

    /** A broker attested; {@code complete} when every policy is attested now, which sends it to review. */
    CoiStatus attested(UUID by, String signerName, boolean complete, Instant now) {
        require("be signed", CoiStatus.AWAITING_BROKER_SIGNATURE);
        this.attestedBy = by;
        this.attestedAt = now;
        this.attestationSignerName = signerName;
        this.updatedAt = now;
        if (!complete) {
            return status;
        }
        this.reviewRequestedAt = now;
        return moveTo(CoiStatus.AWAITING_ADMIN_REVIEW, now);
    }

    CoiStatus approved(UUID reviewer, String notes, Instant now) {
        require("be approved", CoiStatus.AWAITING_ADMIN_REVIEW);
        review(reviewer, Decision.APPROVED, notes, now);
        return moveTo(CoiStatus.ACTIVE, now);
    }

    CoiStatus rejected(UUID reviewer, String notes, Instant now) {
        require("be rejected", CoiStatus.AWAITING_ADMIN_REVIEW);
        review(reviewer, Decision.REJECTED, notes, now);
        return moveTo(CoiStatus.DEFICIENCY_PENDING, now);
    }

    CoiStatus resubmitted(Instant now) {
        require("be resubmitted", CoiStatus.DEFICIENCY_PENDING);
        this.attestedAt = null;
        this.attestedBy = null;
        this.attestationSignerName = null;
        this.uploadSubmittedAt = null;
        this.uploadSubmittedBy = null;
        return moveTo(CoiStatus.AWAITING_BROKER_UPLOAD, now);
    }

    CoiStatus expired(Instant now) {
        require("expire", CoiStatus.ACTIVE);
        return moveTo(CoiStatus.EXPIRED, now);
    }

    /** A renewal may start from an expired certificate, or an active one within 30 days of its first expiry. */
    void requireRenewable(LocalDate today) {
        boolean dueSoon = status == CoiStatus.ACTIVE && earliestExpiration != null
                && !earliestExpiration.isAfter(today.plusDays(30));
        if (status != CoiStatus.EXPIRED && !dueSoon) {
            throw ProblemException.conflict("The certificate cannot be renewed while it is " + status
                    + (status == CoiStatus.ACTIVE ? " and its first policy expires "
                    + (earliestExpiration == null ? "at no known date" : "on " + earliestExpiration)
                    + "; renewal opens 30 days before" : "") + "; only an EXPIRED certificate, or an ACTIVE one within "
                    + "30 days of its earliest expiration, can be renewed.");
        }
    }

    /** The master certificate shortcut: a copy of the sub's active certificate, straight to review. */
    CoiStatus copiedFrom(Coi master, Instant now) {
        require("use the master certificate", CoiStatus.AWAITING_BROKER_INFO, CoiStatus.AWAITING_BROKER_UPLOAD);
        this.copiedFromId = master.getId();
        this.brokerType = master.brokerType;
        this.reviewRequestedAt = now;
        return moveTo(CoiStatus.AWAITING_ADMIN_REVIEW, now);
    }

    void policiesChanged(LocalDate earliestExpiration, Instant now) {
        this.earliestExpiration = earliestExpiration;
        this.updatedAt = now;
    }

    void policiesConfirmed(UUID by, Instant now) {
        this.policiesConfirmedAt = now;
        this.policiesConfirmedBy = by;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }

    private void review(UUID reviewer, Decision decision, String notes, Instant now) {
        this.reviewerId = reviewer;
        this.reviewedAt = now;
        this.reviewDecision = decision;
        this.reviewNotes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    private CoiStatus moveTo(CoiStatus next, Instant now) {
        CoiStatus from = status;
        this.status = next;
        this.updatedAt = now;
        return from;
    }

    UUID organizationId() { return organizationId; }
    UUID projectId() { return projectId; }
    UUID subId() { return subId; }
    UUID gcId() { return gcId; }
    CoiStatus status() { return status; }
    BrokerType brokerType() { return brokerType; }
    String assignedAdminEmail() { return assignedAdminEmail; }
    String certificateHolder() { return certificateHolder; }
    void certificateHolder(String holder) { this.certificateHolder = holder; }
    UUID renewalOfId() { return renewalOfId; }
    LocalDate earliestExpiration() { return earliestExpiration; }
    Instant createdAt() { return createdAt; }
}
