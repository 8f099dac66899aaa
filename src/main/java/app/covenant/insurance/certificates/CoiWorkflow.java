package app.covenant.insurance.certificates;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.insurance.CertificateApproved;
import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.insurance.brokers.BrokerInfo;
import app.covenant.insurance.brokers.Brokers;
import app.covenant.insurance.brokers.NamedBroker;
import app.covenant.insurance.certificates.CoiNotifier.Message;
import app.covenant.insurance.certificates.CoiNotifier.Party;
import app.covenant.insurance.compliance.FindingCode;
import app.covenant.insurance.compliance.LineOfCoverage;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The certificate workflow of INSURANCE.md: creating a request and every transition of its state machine. Each
 * method finds the certificate through {@link InsuranceViewer} ({@code 404} when the caller cannot see it), checks
 * {@link CoiRules} ({@code 409} in the wrong state, {@code 403} when it is not the caller's part), changes it,
 * records the transition (actor and time), audits it, recomputes the sub's insurance status and e-mails whoever
 * acts next — all in one transaction.
 */
@Service
public class CoiWorkflow {

    /** Who acted: a signed-in caller, the person who assigned a sub, or the system (the expiry job). */
    record Actor(UUID id, String name, String email) {

        static Actor of(Caller caller) {
            return new Actor(caller.userId(), caller.name(), caller.email());
        }

        static final Actor SYSTEM = new Actor(null, "Covenant", null);
    }

    /** A deficiency as the reviewer lists it. */
    public record DeficiencyInput(String code, String line, String message) {
    }

    private final CoiRepository cois;
    private final CoiRows rows;
    private final PartyRecords parties;
    private final Brokers brokers;
    private final CoiNotifier notifier;
    private final CoiCompliance compliance;
    private final ContractorStanding standing;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CoiCorrections corrections;

    CoiWorkflow(CoiRepository cois, CoiRows rows, PartyRecords parties, Brokers brokers, CoiNotifier notifier,
                CoiCompliance compliance, ContractorStanding standing, AuditTrail audit,
                ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock, CoiCorrections corrections) {
        this.corrections = corrections;
        this.cois = cois;
        this.rows = rows;
        this.parties = parties;
        this.brokers = brokers;
        this.notifier = notifier;
        this.compliance = compliance;
        this.standing = standing;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- lookups shared by the workflow, the reads and the documents ----

    /** The certificate when the caller may see it; {@code 404} otherwise (as if it did not exist). */
    Coi visible(Caller caller, UUID id) {
        SqlPredicate visible = new InsuranceViewer(caller).cois("c");
        List<Object> args = new ArrayList<>(visible.args());
        args.add(id);
        Integer count = jdbc.queryForObject("select count(*) from insurance_cois c where " + visible.sql()
                + " and c.id = ?", Integer.class, args.toArray());
        if (count == null || count == 0) {
            throw ProblemException.notFound("Certificate");
        }
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        return (writing ? cois.lockById(id) : cois.findById(id)).orElseThrow(() -> ProblemException.notFound("Certificate"));
    }

    CoiRules.Relation relation(Caller caller, Coi coi) {
        return CoiRules.Relation.of(caller, parties.linked(coi.subId(), caller.userId()),
                parties.linked(coi.gcId(), caller.userId()), rows.linesOfBrokerUser(coi.getId(), caller.userId()));
    }

    /** The certificate, checked for {@code action} by this caller. */
    Coi forAction(Caller caller, UUID id, CoiAction action) {
        Coi coi = visible(caller, id);
        CoiRules.check(action, coi, relation(caller, coi), LocalDate.now(clock));
        return coi;
    }

    // ---- creation ----

    /**
     * {@code POST /cois}: a certificate request for a sub assigned to a project the caller sees (the GC's people
     * or the insurance staff). {@code 409} while the sub has an open certificate there (not yet active or expired).
     */
    @Transactional
    public UUID request(Caller caller, UUID projectId, UUID subId, String assignedAdminEmail) {
        PartyRecords.Project project = parties.visibleProject(new InsuranceViewer(caller), projectId)
                .orElseThrow(() -> ProblemException.notFound("Project"));
        if (!new InsuranceViewer(caller).seesAllOfOrganization() && !parties.linked(project.gcId(), caller.userId())) {
            throw ProblemException.forbidden("Only the project's general contractor or the insurance staff request "
                    + "certificates.");
        }
        if (!parties.lockAssignment(projectId, subId)) {
            throw ProblemException.invalid("subcontractorId", "is not assigned to this project; assign it first");
        }
        if (cois.findOpen(projectId, subId).stream().anyMatch(c -> c.status() != CoiStatus.ACTIVE)) {
            throw ProblemException.conflict("This subcontractor already has a certificate in progress on this project.");
        }
        return create(project, subId, assignedAdminEmail, Actor.of(caller)).getId();
    }

    /**
     * A sub was assigned (the projects part publishes it inside its transaction): the certificate request is
     * created in the same transaction, unless the sub already has a certificate there that is not expired.
     */
    @Transactional
    public UUID requestForAssignment(UUID projectId, UUID subId, Actor actor) {
        parties.lockAssignment(projectId, subId);
        List<Coi> open = cois.findOpen(projectId, subId);
        if (!open.isEmpty()) {
            return open.getFirst().getId();
        }
        PartyRecords.Project project = parties.project(projectId).orElseThrow();
        return create(project, subId, null, actor).getId();
    }

    /**
     * A new certificate: waiting for broker information, or — when the sub already named brokers on an earlier
     * certificate — with those brokers copied on and waiting for their upload straight away.
     */
    private Coi create(PartyRecords.Project project, UUID subId, String assignedAdminEmail, Actor actor) {
        Instant now = clock.instant();
        PartyRecords.Contractor sub = parties.contractor(subId).orElseThrow();
        String admin = firstNonBlank(assignedAdminEmail, project.assignedAdminEmail(), sub.assignedAdminEmail());
        Coi coi = new Coi(project.organizationId(), project.id(), subId, project.gcId(),
                admin == null ? null : admin.toLowerCase(Locale.ROOT), project.gcName(), actor.id(), now);
        List<NamedBroker> known = brokers.ofSub(subId);
        if (!known.isEmpty()) {
            coi.startWithKnownBrokers(typeOf(known));
        }
        cois.saveAndFlush(coi);
        if (!known.isEmpty()) {
            rows.replaceBrokers(coi.getId(), known.stream().map(CoiWorkflow::onCoi).toList());
        }
        rows.transition(coi.getId(), null, coi.status().name(), actor.id(), actor.name(),
                known.isEmpty() ? "Requested" : "Requested; the subcontractor's brokers were copied on", now);
        record(coi, actor, "coi.created", null, Map.of("projectId", project.id(), "subId", subId));
        standing.recompute(coi.organizationId(), subId);
        if (known.isEmpty()) {
            notifier.send(coi, new Message("Name your insurance broker", "Name your insurance broker",
                    "A certificate of insurance is needed for this project. Please name your broker (one for all "
                            + "policies, or one per policy) so they can upload it.", "Name your broker"), Party.SUB);
        } else {
            notifier.send(coi, uploadNeeded(), Party.BROKERS);
        }
        return coi;
    }

    // ---- transitions ----

    /** {@code PUT /cois/{id}/broker-info}: stores the brokers on the sub and on the certificate → upload. */
    @Transactional
    public void brokerInfo(Caller caller, UUID id, BrokerInfo info) {
        Coi coi = forAction(caller, id, CoiAction.BROKER_INFO);
        List<FieldError> problems = info.problems();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<NamedBroker> named = brokers.nameForSub(caller, coi.organizationId(), coi.subId(), info);
        rows.replaceBrokers(coi.getId(), named.stream().map(CoiWorkflow::onCoi).toList());
        Instant now = clock.instant();
        CoiStatus from = coi.brokersNamed(Coi.BrokerType.valueOf(info.brokerType()), now);
        moved(coi, from, Actor.of(caller), "coi.broker-info-saved", "Brokers named: " + named.stream()
                .map(b -> b.line() + " " + b.email()).collect(Collectors.joining(", ")));
        notifier.send(coi, uploadNeeded(), Party.BROKERS);
    }

    /** {@code POST /cois/{id}/submit-upload}: the ACORD 25 and the policy rows are there → the broker signs. */
    @Transactional
    public void submitUpload(Caller caller, UUID id) {
        Coi coi = forAction(caller, id, CoiAction.SUBMIT_UPLOAD);
        if (!rows.hasDocument(coi.getId(), "ACORD25")) {
            throw ProblemException.conflict("Upload the ACORD 25 certificate (a PDF, kind ACORD25) before submitting.");
        }
        if (rows.policies(coi.getId()).isEmpty()) {
            throw ProblemException.conflict("Enter at least one policy (PUT /cois/{id}/policies) before submitting.");
        }
        CoiStatus from = coi.uploadSubmitted(caller.userId(), clock.instant());
        moved(coi, from, Actor.of(caller), "coi.upload-submitted", null);
        notifier.send(coi, new Message("Sign the certificate of insurance", "Please attest the uploaded certificate",
                "The certificate and its policy details were uploaded. As the named broker, please check them and "
                        + "attest (sign) them so the certificate can be reviewed.", "Review and sign"), Party.BROKERS);
    }

    /**
     * {@code POST /cois/{id}/sign}: the named broker attests. A global broker attests every policy; a per-policy
     * broker the policies of their lines (and of lines no broker is named for). The certificate goes to review
     * once every policy is attested.
     */
    @Transactional
    public void sign(Caller caller, UUID id, String signerName, boolean consent) {
        List<FieldError> errors = new ArrayList<>();
        if (signerName == null || signerName.isBlank() || signerName.length() > 200) {
            errors.add(new FieldError("signerName", "type your full name (at most 200 characters)"));
        }
        if (!consent) {
            errors.add(new FieldError("consent", "must be true: you confirm the uploaded certificate is accurate"));
        }
        Coi coi = forAction(caller, id, CoiAction.SIGN);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<String> own = rows.linesOfBrokerUser(coi.getId(), caller.userId());
        List<CoiPolicy> policies = rows.policies(coi.getId());
        Set<String> namedLines = rows.brokers(coi.getId()).stream().map(CoiBroker::line).collect(Collectors.toSet());
        Set<String> lines = null;
        if (!own.contains("GLOBAL")) {
            lines = new LinkedHashSet<>(own);
            for (CoiPolicy policy : policies) {
                if (!namedLines.contains(policy.line())) {
                    lines.add(policy.line());
                }
            }
            Set<String> mine = lines;
            if (policies.stream().noneMatch(p -> mine.contains(p.line()) && p.attestedAt() == null)) {
                throw ProblemException.conflict("Your policies on this certificate are attested already; the "
                        + "certificate waits for the other brokers.");
            }
        }
        Instant now = clock.instant();
        int remaining = rows.attest(coi.getId(), lines, now);
        CoiStatus from = coi.attested(caller.userId(), signerName.strip(), remaining == 0, now);
        Actor actor = Actor.of(caller);
        if (remaining > 0) {
            cois.saveAndFlush(coi);
            rows.transition(coi.getId(), from.name(), from.name(), actor.id(), actor.name(),
                    "Attested by " + signerName.strip() + " for " + String.join(", ", lines), now);
            record(coi, actor, "coi.attested", Map.of("status", from.name()), Map.of("lines", String.join(",", lines),
                    "signerName", signerName.strip()));
            return;
        }
        moved(coi, from, actor, "coi.signed", "Attested by " + signerName.strip());
        notifier.send(coi, new Message("Certificate of insurance to review", "A certificate is waiting for review",
                "The broker attested the certificate. Please review it against the project's requirements.",
                "Review the certificate"), Party.REVIEWERS);
    }

    /**
     * {@code POST /cois/{id}/review}: approve (refused with {@code 409} while a compliance finding is open — override
     * it first) or reject with deficiencies (the open findings when none are listed), e-mailed to broker and sub.
     */
    @Transactional
    public void review(Caller caller, UUID id, boolean approved, List<DeficiencyInput> deficiencies, String notes) {
        Coi coi = forAction(caller, id, CoiAction.REVIEW);
        if (notes != null && notes.length() > 4000) {
            throw ProblemException.invalid("notes", "must be at most 4000 characters");
        }
        Actor actor = Actor.of(caller);
        Instant now = clock.instant();
        ComplianceReport report = compliance.evaluate(coi);
        if (approved) {
            if (!report.compliant()) {
                throw ProblemException.conflict("The certificate has " + report.open().size() + " open finding(s) ("
                        + report.open().stream().map(ComplianceReport.FindingView::code).distinct()
                        .collect(Collectors.joining(", ")) + "); override each with a reason, or reject it.");
            }
            CoiStatus from = coi.approved(caller.userId(), notes, now);
            rows.replaceDeficiencies(coi.getId(), List.of());
            moved(coi, from, actor, "coi.approved", notes);
            events.publishEvent(new CertificateApproved(coi.organizationId(), coi.getId(), coi.projectId(), coi.subId(),
                    coi.gcId(), caller.userId(), now));
            notifier.send(coi, new Message("Certificate of insurance approved", "The certificate was approved",
                    "The certificate of insurance was reviewed and approved; it is active now.", "Open the certificate",
                    List.of(), blankToNull(notes)), Party.SUB, Party.BROKERS, Party.GC);
            return;
        }
        List<CoiDeficiency> listed = deficiencies(deficiencies, report);
        CoiStatus from = coi.rejected(caller.userId(), notes, now);
        rows.replaceDeficiencies(coi.getId(), listed);
        moved(coi, from, actor, "coi.rejected", notes);
        notifier.send(coi, new Message("Certificate of insurance needs corrections", "Corrections are needed",
                "The reviewer found the deficiencies below. Please correct the certificate or the policies, upload the "
                        + "corrected documents and resubmit.", "Fix the certificate",
                listed.stream().map(CoiDeficiency::message).toList(), blankToNull(notes)), Party.BROKERS, Party.SUB);
    }

    private List<CoiDeficiency> deficiencies(List<DeficiencyInput> given, ComplianceReport report) {
        List<CoiDeficiency> listed = new ArrayList<>();
        if (given != null && !given.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                DeficiencyInput d = given.get(i);
                if (d == null || d.code() == null || d.code().isBlank() || d.code().length() > 64) {
                    errors.add(new FieldError("deficiencies[" + i + "].code", "must be a short code (at most 64 characters)"));
                }
                if (d == null || d.message() == null || d.message().isBlank() || d.message().length() > 1000) {
                    errors.add(new FieldError("deficiencies[" + i + "].message", "must say what to fix (at most 1000 characters)"));
                }
                if (d != null && d.line() != null && !PolicyLimits.LINES.contains(d.line())) {
                    errors.add(new FieldError("deficiencies[" + i + "].line", "must be one of " + PolicyLimits.LINES));
                }
                if (errors.isEmpty()) {
                    listed.add(new CoiDeficiency(d.code().strip(), d.line(), d.message().strip()));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return listed;
        }
        report.open().forEach(f -> listed.add(new CoiDeficiency(f.code(), f.line(), f.message())));
        if (listed.isEmpty()) {
            throw ProblemException.invalid("deficiencies", "list what must be fixed: the compliance check found nothing");
        }
        return listed;
    }

    /** {@code POST /cois/{id}/resubmit}: the deficiencies are being fixed → the broker uploads again. */
    @Transactional
    public void resubmit(Caller caller, UUID id) {
        Coi coi = forAction(caller, id, CoiAction.RESUBMIT);
        CoiStatus from = coi.resubmitted(clock.instant());
        rows.clearAttestations(coi.getId());
        moved(coi, from, Actor.of(caller), "coi.resubmitted", null);
        notifier.send(coi, uploadNeeded(), Party.BROKERS);
    }

    /**
     * {@code POST /cois/{id}/renew}: a new certificate for the same sub and project, linked to this one, with its
     * brokers copied on, waiting for their upload ({@code 409} unless expired or active within 30 days of its first
     * expiry, or while another renewal is under way).
     */
    @Transactional
    public UUID renew(Caller caller, UUID id) {
        Coi previous = forAction(caller, id, CoiAction.RENEW);
        parties.lockAssignment(previous.projectId(), previous.subId());
        if (cois.findOpen(previous.projectId(), previous.subId()).stream()
                .anyMatch(c -> c.status() != CoiStatus.ACTIVE)) {
            throw ProblemException.conflict("A certificate for this subcontractor on this project is already in progress.");
        }
        Instant now = clock.instant();
        Actor actor = Actor.of(caller);
        Coi renewal = Coi.renewalOf(previous, caller.userId(), now);
        List<CoiBroker> named = rows.brokers(previous.getId());
        if (named.isEmpty()) {
            renewal = new Coi(previous.organizationId(), previous.projectId(), previous.subId(), previous.gcId(),
                    previous.assignedAdminEmail(), previous.certificateHolder(), caller.userId(), now);
        }
        cois.saveAndFlush(renewal);
        rows.replaceBrokers(renewal.getId(), named);
        rows.transition(renewal.getId(), null, renewal.status().name(), actor.id(), actor.name(),
                "Renewal of certificate " + previous.getId(), now);
        record(renewal, actor, "coi.renewal-requested", null, Map.of("renewalOf", previous.getId()));
        standing.recompute(renewal.organizationId(), renewal.subId());
        if (named.isEmpty()) {
            notifier.send(renewal, new Message("Name your insurance broker", "A renewed certificate is needed",
                    "Please name your broker so they can upload the renewed certificate.", "Name your broker"), Party.SUB);
        } else {
            notifier.send(renewal, new Message("Renewed certificate of insurance needed", "Please upload the renewal",
                    "The certificate on file expires or has expired. Please upload the renewed ACORD 25 and its "
                            + "policy details.", "Upload the renewal"), Party.BROKERS, Party.SUB);
        }
        return renewal.getId();
    }

    /**
     * {@code POST /cois/{id}/use-master-certificate}: copies the sub's latest active certificate on another project
     * (brokers, policies with limits, documents) with this project's certificate holder, straight to review
     * ({@code 409} when the sub has none).
     */
    @Transactional
    public void useMasterCertificate(Caller caller, UUID id) {
        Coi coi = forAction(caller, id, CoiAction.USE_MASTER_CERTIFICATE);
        Coi master = cois.findLatestActiveElsewhere(coi.subId(), coi.projectId()).orElseThrow(() ->
                ProblemException.conflict("The subcontractor has no active certificate on another project to copy."));
        Instant now = clock.instant();
        rows.replaceBrokers(coi.getId(), rows.brokers(master.getId()));
        rows.replacePolicies(coi.getId(), rows.policies(master.getId()).stream().map(p -> new CoiPolicy(null, p.line(),
                p.insurerName(), p.naic(), p.policyNumber(), p.effectiveDate(), p.expirationDate(), p.limits(),
                p.additionalInsured(), p.waiverOfSubrogation(), p.primaryNonContributory(), p.statutory(), p.brokerId(),
                p.attestedAt())).toList());
        rows.copyDocuments(master.getId(), coi.getId());
        parties.project(coi.projectId()).ifPresent(project -> coi.certificateHolder(project.gcName()));
        coi.policiesChanged(rows.earliestExpiration(coi.getId()), now);
        CoiStatus from = coi.copiedFrom(master, now);
        moved(coi, from, Actor.of(caller), "coi.master-certificate-used", "Copied from certificate " + master.getId());
        notifier.send(coi, new Message("Certificate of insurance to review", "A certificate is waiting for review",
                "The subcontractor reused its active certificate from another project (its master certificate) for "
                        + "this project. Please review it against this project's requirements.",
                "Review the certificate"), Party.REVIEWERS);
    }

    /** The expiry job: an active certificate whose earliest policy has expired. Does nothing otherwise. */
    @Transactional
    public boolean expire(UUID id) {
        Coi coi = cois.lockById(id).orElse(null);
        LocalDate today = LocalDate.now(clock);
        if (coi == null || coi.status() != CoiStatus.ACTIVE || coi.earliestExpiration() == null
                || coi.earliestExpiration().isAfter(today)) {
            return false;
        }
        CoiStatus from = coi.expired(clock.instant());
        moved(coi, from, Actor.SYSTEM, "coi.expired", "A policy expired on " + coi.earliestExpiration());
        notifier.send(coi, new Message("Certificate of insurance expired", "The certificate has expired",
                "A policy on this certificate expired on " + coi.earliestExpiration() + ". A renewed certificate is "
                        + "needed: the general contractor or the insurance staff can request the renewal.",
                "Open the certificate"), Party.SUB, Party.GC, Party.BROKERS);
        return true;
    }

    // ---- policies and overrides ----

    /**
     * {@code PUT /cois/{id}/policies}: the policy rows. Brokers, the sub and the staff write them while the
     * certificate waits for the upload (a per-policy broker only the rows of their own lines: the other lines are
     * kept as they are, {@code 403} for a row of another line); a reviewer confirms or corrects them under review.
     */
    @Transactional
    public void replacePolicies(Caller caller, UUID id, List<PolicyInput> input) {
        Coi coi = visible(caller, id);
        CoiRules.Relation who = relation(caller, coi);
        CoiRules.check(CoiAction.EDIT_POLICIES, coi, who, LocalDate.now(clock));
        if (input == null) {
            throw ProblemException.invalid("policies", "send the list of policy rows (an empty list removes them all)");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i) == null) {
                errors.add(new FieldError("policies[" + i + "]", "must be a policy row"));
            } else {
                input.get(i).check(i, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean reviewing = coi.status() == CoiStatus.AWAITING_ADMIN_REVIEW;
        List<CoiPolicy> existing = rows.policies(coi.getId());
        List<CoiPolicy> kept = new ArrayList<>();
        if (who.limitedToOwnLines() && !reviewing) {
            input.stream().filter(p -> !who.brokerLines().contains(p.line())).findFirst().ifPresent(p -> {
                throw ProblemException.forbidden("You are the broker of " + String.join(", ", who.brokerLines())
                        + " on this certificate; the " + p.line() + " policy is another broker's.");
            });
            existing.stream().filter(p -> !who.brokerLines().contains(p.line())).forEach(kept::add);
        }
        Map<String, UUID> brokerByLine = new HashMap<>();
        rows.brokers(coi.getId()).forEach(b -> brokerByLine.put(b.line(), b.brokerId()));
        Map<String, Instant> attestedByLine = new LinkedHashMap<>();
        existing.forEach(p -> { if (p.attestedAt() != null) attestedByLine.put(p.line(), p.attestedAt()); });
        List<CoiPolicy> policies = new ArrayList<>(kept);
        for (PolicyInput p : input) {
            Map<String, Long> limits = new LinkedHashMap<>();
            if (p.limits() != null) {
                PolicyLimits.keysOf(p.line()).forEach(key -> { if (p.limits().get(key) != null) limits.put(key, p.limits().get(key)); });
            }
            UUID broker = brokerByLine.getOrDefault(p.line(), brokerByLine.get("GLOBAL"));
            policies.add(new CoiPolicy(null, p.line(), blankToNull(p.insurerName()), blankToNull(p.naic()),
                    blankToNull(p.policyNumber()), p.effectiveDate(), p.expirationDate(), limits,
                    PolicyInput.yes(p.additionalInsured()), PolicyInput.yes(p.waiverOfSubrogation()),
                    PolicyInput.yes(p.primaryNonContributory()), PolicyInput.yes(p.statutory()), broker,
                    reviewing ? attestedByLine.get(p.line()) : null));
        }
        policies.sort(Comparator.comparing(p -> PolicyLimits.LINES.indexOf(p.line())));
        rows.replacePolicies(coi.getId(), policies);
        Instant now = clock.instant();
        coi.policiesChanged(rows.earliestExpiration(coi.getId()), now);
        if (reviewing) {
            coi.policiesConfirmed(caller.userId(), now);
        }
        cois.saveAndFlush(coi);
        Set<String> savedLines = input.stream().map(PolicyInput::line).collect(Collectors.toSet());
        List<String> corrected = corrections.record(coi.getId(), policies.stream()
                .filter(p -> savedLines.contains(p.line())).toList(), caller.userId(), now);
        if (reviewing && !corrected.isEmpty()) {
            // A reviewer's correction is on the timeline too, not only in the audit trail.
            rows.transition(coi.getId(), coi.status().name(), coi.status().name(), caller.userId(), caller.name(),
                    "Corrected what was read from the ACORD 25: " + String.join(", ", corrected), now);
        }
        record(coi, Actor.of(caller), reviewing ? "coi.policies-confirmed" : "coi.policies-saved", null,
                Map.of("policies", policies.size(), "lines", policies.stream().map(CoiPolicy::line).distinct()
                        .collect(Collectors.joining(",")), "corrected", String.join(",", corrected)));
    }

    /** {@code POST /cois/{id}/findings/override}: a reviewer accepts an open finding, with a reason (audited). */
    @Transactional
    public void override(Caller caller, UUID id, String code, String line, String reason) {
        Coi coi = forAction(caller, id, CoiAction.OVERRIDE_FINDING);
        String lineKey = findingLine(code, line);
        if (reason == null || reason.strip().length() < 10 || reason.length() > 1000) {
            throw ProblemException.invalid("reason", "say why the finding is acceptable (10 to 1000 characters)");
        }
        boolean exists = compliance.evaluate(coi).findings().stream().anyMatch(f -> f.code().equals(code)
                && Objects.equals(f.line() == null ? CoiCompliance.ANY_LINE : f.line(), lineKey));
        if (!exists) {
            throw ProblemException.invalid("code", "the certificate has no finding " + code + " on line " + lineKey);
        }
        rows.saveOverride(coi.getId(), code, lineKey, reason.strip(), caller.userId(), clock.instant());
        coi.touched(clock.instant());
        cois.saveAndFlush(coi);
        record(coi, Actor.of(caller), "coi.finding-overridden", null, Map.of("code", code, "line", lineKey,
                "reason", reason.strip()));
    }

    /** {@code DELETE /cois/{id}/findings/override?code=&line=}: withdraws an override ({@code 404} when none). */
    @Transactional
    public void withdrawOverride(Caller caller, UUID id, String code, String line) {
        Coi coi = forAction(caller, id, CoiAction.OVERRIDE_FINDING);
        String lineKey = findingLine(code, line);
        if (rows.deleteOverride(coi.getId(), code, lineKey) == 0) {
            throw ProblemException.notFound("Override");
        }
        coi.touched(clock.instant());
        cois.saveAndFlush(coi);
        record(coi, Actor.of(caller), "coi.finding-override-withdrawn", Map.of("code", code, "line", lineKey), null);
    }

    private static String findingLine(String code, String line) {
        try {
            FindingCode.valueOf(code == null ? "" : code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("code", "is not a finding code of the compliance check");
        }
        if (line == null || line.isBlank() || CoiCompliance.ANY_LINE.equals(line)) {
            return CoiCompliance.ANY_LINE;
        }
        try {
            return LineOfCoverage.valueOf(line).name();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("line", "must be a line of coverage (GL, AUTO, UMBRELLA, WC, PROFESSIONAL, "
                    + "OTHER) or ANY");
        }
    }

    // ---- helpers ----

    /** Saves the moved certificate, logs the transition, audits it and recomputes the sub's standing. */
    private void moved(Coi coi, CoiStatus from, Actor actor, String action, String note) {
        cois.saveAndFlush(coi);
        Instant now = clock.instant();
        rows.transition(coi.getId(), from.name(), coi.status().name(), actor.id(), actor.name(), note, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", coi.status().name());
        if (note != null) {
            after.put("note", note);
        }
        record(coi, actor, action, Map.of("status", from.name()), after);
        standing.recompute(coi.organizationId(), coi.subId());
    }

    private void record(Coi coi, Actor actor, String action, Map<String, Object> before, Map<String, Object> after) {
        audit.record(AuditEntry.of("insurance", action).actor(actor.id(), actor.email()).organization(coi.organizationId())
                .target("coi", coi.getId()).before(before).after(after));
    }

    private static Message uploadNeeded() {
        return new Message("Upload the certificate of insurance", "Please upload the certificate of insurance",
                "You are named as the insurance broker on this certificate. Please upload the ACORD 25 certificate "
                        + "(PDF), the policy documents and endorsements, enter the policy details, and submit them.",
                "Upload the certificate");
    }

    private static CoiBroker onCoi(NamedBroker broker) {
        return new CoiBroker(broker.line(), broker.brokerId(), broker.name(), broker.company(), broker.email(),
                broker.phone());
    }

    private static Coi.BrokerType typeOf(List<NamedBroker> named) {
        return named.stream().anyMatch(b -> "GLOBAL".equals(b.line())) ? Coi.BrokerType.GLOBAL : Coi.BrokerType.PER_POLICY;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
