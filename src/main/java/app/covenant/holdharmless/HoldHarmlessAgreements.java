package app.covenant.holdharmless;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.holdharmless.internal.AgreementGeneration;
import app.covenant.holdharmless.internal.AgreementRows;
import app.covenant.holdharmless.internal.AgreementRows.Row;
import app.covenant.holdharmless.internal.AgreementTemplates;
import app.covenant.holdharmless.internal.DefaultTemplates;
import app.covenant.holdharmless.internal.EnvelopeFollower;
import app.covenant.insurance.access.AgreementFacts;
import app.covenant.insurance.access.InsuranceNames;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.signatures.EnvelopeView;
import app.covenant.signatures.Envelopes;
import app.covenant.signatures.Evidence;
import app.covenant.signatures.SignatureInput;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What pages and the API ask of hold-harmless agreements: read one (by id or by certificate), list, statistics,
 * sign as the signed-in sub or GC, resend the next signer's link, retry a failed generation, the PDF, and the
 * templates (our default, a preview). Who sees which agreement is decided in SQL (INSURANCE.md "Visibility": a super
 * admin all, holders of {@code insurance:all} their organization's, a GC's and a sub's people their own, brokers
 * none); anything else answers 404. Permissions are checked by the callers ({@code holdharmless:*}).
 */
@Service
public class HoldHarmlessAgreements {

    public static final String READ = "holdharmless:read";
    public static final String SIGN = "holdharmless:sign";
    public static final String MANAGE = "holdharmless:manage";
    public static final String STATS = "holdharmless:stats";

    private final JdbcTemplate jdbc;
    private final AgreementRows rows;
    private final AgreementGeneration generation;
    private final AgreementTemplates templates;
    private final DefaultTemplates defaults;
    private final EnvelopeFollower follower;
    private final Envelopes envelopes;
    private final AgreementFacts facts;
    private final InsuranceNames names;
    private final DocumentStorage documents;
    private final HoldHarmlessProperties properties;
    private final Clock clock;

    HoldHarmlessAgreements(JdbcTemplate jdbc, AgreementRows rows, AgreementGeneration generation,
                           AgreementTemplates templates, DefaultTemplates defaults, EnvelopeFollower follower,
                           Envelopes envelopes, AgreementFacts facts, InsuranceNames names, DocumentStorage documents,
                           HoldHarmlessProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.generation = generation;
        this.templates = templates;
        this.defaults = defaults;
        this.follower = follower;
        this.envelopes = envelopes;
        this.facts = facts;
        this.names = names;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    /** Which party signs. */
    public enum Party { SUB, GC }

    /** The agreement; 404 unless the caller sees it. */
    @Transactional(readOnly = true)
    public HoldHarmless find(Caller caller, UUID id) {
        return view(visible(caller, " a.id = ?", id));
    }

    /** The agreement of a certificate; 404 when it has none or the caller does not see it. */
    @Transactional(readOnly = true)
    public HoldHarmless forCertificate(Caller caller, UUID coiId) {
        return view(visible(caller, " a.coi_id = ?", coiId));
    }

    /** The agreements the caller sees, newest first, of {@code status} when given. */
    @Transactional(readOnly = true)
    public Page<HoldHarmless> list(Caller caller, HoldHarmlessStatus status, Pageable pageable) {
        SqlPredicate visible = visibility(caller);
        StringBuilder where = new StringBuilder(" where ").append(visible.sql());
        List<Object> args = new ArrayList<>(visible.args());
        if (status != null) {
            where.append(" and a.status = ?");
            args.add(status.name());
        }
        Long total = jdbc.queryForObject("select count(*) from hold_harmless_agreements a" + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<Row> found = jdbc.query("select " + AgreementRows.COLUMNS + " from hold_harmless_agreements a" + where
                + " order by a.created_at desc, a.id limit ? offset ?", AgreementRows.ROW, pageArgs.toArray());
        return new PageImpl<>(views(found), pageable, total == null ? 0 : total);
    }

    /** The agreements waiting for the caller's own signature (as a GC's or a sub's person), oldest first. */
    @Transactional(readOnly = true)
    public List<HoldHarmless> waitingForMe(Caller caller, int limit) {
        InsuranceViewer viewer = new InsuranceViewer(caller);
        SqlPredicate sub = viewer.linkedCompany("a.sub_id");
        SqlPredicate gc = viewer.linkedCompany("a.gc_id");
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        args.addAll(sub.args());
        args.addAll(gc.args());
        args.add(limit);
        List<Row> found = jdbc.query("select " + AgreementRows.COLUMNS + " from hold_harmless_agreements a"
                + " where a.organization_id = ? and ((a.status = 'PENDING_SUB_SIGNATURE' and " + sub.sql() + ") or"
                + " (a.status = 'PENDING_GC_SIGNATURE' and " + gc.sql() + ")) order by a.sent_at, a.id limit ?",
                AgreementRows.ROW, args.toArray());
        return views(found);
    }

    /**
     * The caller's (current) organization's agreements waiting for a signature longer than the overdue threshold of
     * {@link #stats} ({@code HOLD_HARMLESS_OVERDUE_DAYS}), the longest waiting first.
     */
    @Transactional(readOnly = true)
    public List<HoldHarmless> overdue(Caller caller, int limit) {
        Timestamp overdueBefore = Timestamp.from(clock.instant().minus(Duration.ofDays(properties.overdueDays())));
        List<Row> found = jdbc.query("select " + AgreementRows.COLUMNS + " from hold_harmless_agreements a"
                + " where a.organization_id = ? and ((a.status = 'PENDING_SUB_SIGNATURE' and a.sent_at < ?) or"
                + " (a.status = 'PENDING_GC_SIGNATURE' and a.sub_signed_at < ?))"
                + " order by coalesce(a.sub_signed_at, a.sent_at), a.id limit ?", AgreementRows.ROW,
                caller.organizationId(), overdueBefore, overdueBefore, limit);
        return views(found);
    }

    /**
     * The party the caller may sign {@code agreement} as now: the sub's people while it awaits the sub, the GC's
     * while it awaits the GC, for holders of {@code holdharmless:sign}; empty otherwise.
     */
    @Transactional(readOnly = true)
    public Optional<Party> turnOf(Caller caller, HoldHarmless agreement) {
        if (!caller.has(SIGN) || caller.userId() == null) {
            return Optional.empty();
        }
        if (agreement.status() == HoldHarmlessStatus.PENDING_SUB_SIGNATURE
                && facts.isLinked(caller.userId(), agreement.subId())) {
            return Optional.of(Party.SUB);
        }
        if (agreement.status() == HoldHarmlessStatus.PENDING_GC_SIGNATURE
                && facts.isLinked(caller.userId(), agreement.gcId())) {
            return Optional.of(Party.GC);
        }
        return Optional.empty();
    }

    /** Counts of the caller's (current) organization's agreements. */
    @Transactional(readOnly = true)
    public HoldHarmlessStats stats(Caller caller) {
        Map<HoldHarmlessStatus, Long> byStatus = new EnumMap<>(HoldHarmlessStatus.class);
        for (HoldHarmlessStatus status : HoldHarmlessStatus.values()) {
            byStatus.put(status, 0L);
        }
        jdbc.query("select status, count(*) as n from hold_harmless_agreements where organization_id = ?"
                + " group by status", rs -> {
                    byStatus.put(HoldHarmlessStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                }, caller.organizationId());
        Timestamp overdueBefore = Timestamp.from(clock.instant().minus(Duration.ofDays(properties.overdueDays())));
        // One pass, in the database: the average and the overdue count, whatever the number of agreements.
        Map<String, Object> figures = jdbc.queryForMap("select avg(case when status = 'COMPLETED'"
                + " and completed_at is not null then extract(epoch from completed_at) - extract(epoch from created_at)"
                + " end) as seconds_to_complete, coalesce(sum(case when (status = 'PENDING_SUB_SIGNATURE' and sent_at < ?)"
                + " or (status = 'PENDING_GC_SIGNATURE' and sub_signed_at < ?) then 1 else 0 end), 0) as overdue"
                + " from hold_harmless_agreements where organization_id = ?", overdueBefore, overdueBefore,
                caller.organizationId());
        Number seconds = (Number) figures.get("seconds_to_complete");
        Double average = seconds == null ? null : Math.round(seconds.doubleValue() / 36.0) / 100.0;
        long overdue = ((Number) figures.get("overdue")).longValue();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new HoldHarmlessStats(total, byStatus, average, overdue,
                properties.overdueDays());
    }

    /**
     * Signs the agreement as the signed-in sub ({@link Party#SUB}: a person of the certificate's sub) or GC (a person
     * of its GC): 404 unless the caller sees it and is one of that party's people, 409 when it is not that party's
     * turn, 400 for a signature the engine refuses (consent missing, no name, a bad drawing).
     */
    @Transactional
    public HoldHarmless sign(Caller caller, UUID id, Party party, SignatureInput signature, Evidence evidence) {
        Row row = visible(caller, " a.id = ?", id);
        UUID company = party == Party.SUB ? row.subId() : row.gcId();
        if (!facts.isLinked(caller.userId(), company)) {
            throw ProblemException.notFound("Agreement");
        }
        HoldHarmlessStatus turn = party == Party.SUB ? HoldHarmlessStatus.PENDING_SUB_SIGNATURE
                : HoldHarmlessStatus.PENDING_GC_SIGNATURE;
        Row locked = rows.lock(id).orElseThrow();
        if (locked.status() != turn) {
            throw ProblemException.conflict("The agreement is " + locked.status() + ": it is not the "
                    + (party == Party.SUB ? "subcontractor's" : "general contractor's") + " turn to sign.");
        }
        EnvelopeView.Signer signer = signer(locked, party);
        envelopes.signAs(locked.envelopeId(), signer.id(), signature, evidence);
        follower.recordSignature(locked, signer.role(), signature.signerName().strip(), clock.instant());
        return view(rows.find(id).orElseThrow());
    }

    /**
     * Declines the agreement as the signed-in sub or GC whose turn it is ({@code REJECTED} with the reason, the
     * assigned admin e-mailed): 404 unless the caller sees it and is one of the sub's or the GC's people, 409 when
     * it is not their party's turn, 400 without a reason (at most 2000 characters).
     */
    @Transactional
    public HoldHarmless decline(Caller caller, UUID id, String reason, Evidence evidence) {
        Row row = visible(caller, " a.id = ?", id);
        boolean ofSub = facts.isLinked(caller.userId(), row.subId());
        boolean ofGc = facts.isLinked(caller.userId(), row.gcId());
        if (!ofSub && !ofGc) {
            throw ProblemException.notFound("Agreement");
        }
        Row locked = rows.lock(id).orElseThrow();
        Party party = ofSub && locked.status() == HoldHarmlessStatus.PENDING_SUB_SIGNATURE ? Party.SUB
                : ofGc && locked.status() == HoldHarmlessStatus.PENDING_GC_SIGNATURE ? Party.GC : null;
        if (party == null) {
            throw ProblemException.conflict("The agreement is " + locked.status() + ": it is not your turn to sign "
                    + "or decline it.");
        }
        EnvelopeView.Signer signer = signer(locked, party);
        envelopes.declineAs(locked.envelopeId(), signer.id(), reason, evidence);
        follower.recordDecline(locked, signer.role(), signer.email(), reason.strip(), clock.instant());
        return view(rows.find(id).orElseThrow());
    }

    /** E-mails whoever must sign next a new link (the previous one stops working); 409 unless a signature is awaited. */
    @Transactional
    public HoldHarmless resend(Caller caller, UUID id) {
        Row row = visible(caller, " a.id = ?", id);
        Row locked = rows.lock(row.id()).orElseThrow();
        if (!locked.status().awaitsSignature()) {
            throw ProblemException.conflict("The agreement is " + locked.status() + ": no signature is awaited.");
        }
        Party next = locked.status() == HoldHarmlessStatus.PENDING_SUB_SIGNATURE ? Party.SUB : Party.GC;
        envelopes.resend(signer(locked, next).id());
        return view(rows.find(id).orElseThrow());
    }

    /** Generates a {@code PENDING_GENERATION} agreement again (after its template or data were fixed); else 409. */
    public HoldHarmless retryGeneration(Caller caller, UUID id) {
        Row row = visibleOutsideTransaction(caller, id);
        if (row.status() != HoldHarmlessStatus.PENDING_GENERATION) {
            throw ProblemException.conflict("The agreement is " + row.status() + ": only one waiting for its "
                    + "generation can be generated again.");
        }
        generation.attempt(id);
        return view(rows.find(id).orElseThrow());
    }

    /** The agreement's PDF (the completed one once completed): close it. 404 before one was generated. */
    public DocumentContent document(Caller caller, UUID id) {
        Row row = visibleOutsideTransaction(caller, id);
        UUID documentId = row.status() == HoldHarmlessStatus.COMPLETED && row.completedDocumentId() != null
                ? row.completedDocumentId() : row.documentId();
        if (documentId == null) {
            throw ProblemException.notFound("The agreement's document");
        }
        return documents.open(documentId);
    }

    /** Whether the caller sees the agreement {@code id} (the download policy of its documents). */
    @Transactional(readOnly = true)
    public boolean sees(Caller caller, UUID id) {
        try {
            visible(caller, " a.id = ?", id);
            return true;
        } catch (ProblemException notVisible) {
            return false;
        }
    }

    /** The organization's default template (ours until changed). */
    public String defaultTemplate(UUID organizationId) {
        return defaults.of(organizationId);
    }

    /**
     * Replaces the organization's default template with {@code templateHtml} as the allow-list cleans it; 400 naming
     * an unknown placeholder or what else is wrong. Answers the stored template.
     */
    @Transactional
    public String saveDefaultTemplate(Caller caller, String templateHtml) {
        String clean;
        try {
            templates.fill(templateHtml, AgreementGeneration.sampleValues(LocalDate.ofInstant(clock.instant(),
                    properties.timeZone())), false);
            clean = templates.sanitised(templateHtml);
        } catch (AgreementTemplates.TemplateException e) {
            throw ProblemException.invalid("html", e.getMessage());
        }
        defaults.save(caller.organizationId(), clean, caller.userId());
        return defaults.of(caller.organizationId());
    }

    /** Puts Covenant's standard text back as the organization's default template; answers it. */
    @Transactional
    public String resetDefaultTemplate(Caller caller) {
        defaults.save(caller.organizationId(), templates.defaultTemplate(), caller.userId());
        return defaults.of(caller.organizationId());
    }

    /** The placeholders a template may use. */
    public List<String> placeholders() {
        return AgreementTemplates.PLACEHOLDERS;
    }

    /**
     * {@code templateHtml} (or the organization's default when blank) sanitised and filled with sample values, as a
     * page shows it; 400 naming an unknown placeholder or what else is wrong.
     */
    public String preview(UUID organizationId, String templateHtml) {
        String template = templateHtml == null || templateHtml.isBlank() ? defaults.of(organizationId) : templateHtml;
        try {
            return templates.fill(template, AgreementGeneration.sampleValues(LocalDate.ofInstant(clock.instant(),
                    properties.timeZone())), false);
        } catch (AgreementTemplates.TemplateException e) {
            throw ProblemException.invalid("templateHtml", e.getMessage());
        }
    }

    private Row visibleOutsideTransaction(Caller caller, UUID id) {
        return visible(caller, " a.id = ?", id);
    }

    private EnvelopeView.Signer signer(Row row, Party party) {
        if (row.envelopeId() == null) {
            throw ProblemException.conflict("The agreement has no signing envelope yet.");
        }
        int order = party == Party.SUB ? 1 : 2;
        return envelopes.get(row.envelopeId()).flatMap(envelope -> envelope.signers().stream()
                        .filter(s -> s.order() == order).findFirst())
                .orElseThrow(() -> ProblemException.conflict("The agreement's envelope has no signer for that party."));
    }

    private Row visible(Caller caller, String condition, UUID value) {
        SqlPredicate visible = visibility(caller);
        List<Object> args = new ArrayList<>();
        args.add(value);
        args.addAll(visible.args());
        List<Row> found = jdbc.query("select " + AgreementRows.COLUMNS + " from hold_harmless_agreements a where"
                + condition + " and " + visible.sql(), AgreementRows.ROW, args.toArray());
        if (found.isEmpty()) {
            throw ProblemException.notFound("Agreement");
        }
        return found.getFirst();
    }

    /** INSURANCE.md "Visibility" of hold-harmless agreements, on {@code hold_harmless_agreements a}. */
    private static SqlPredicate visibility(Caller caller) {
        InsuranceViewer viewer = new InsuranceViewer(caller);
        if (caller.isSuperAdmin()) {
            return new SqlPredicate("1 = 1", List.of());
        }
        if (viewer.seesAllOfOrganization()) {
            return new SqlPredicate("a.organization_id = ?", List.of(caller.organizationId()));
        }
        SqlPredicate gc = viewer.linkedCompany("a.gc_id");
        SqlPredicate sub = viewer.linkedCompany("a.sub_id");
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        args.addAll(gc.args());
        args.addAll(sub.args());
        return new SqlPredicate("a.organization_id = ? and (" + gc.sql() + " or " + sub.sql() + ")", args);
    }

    private HoldHarmless view(Row row) {
        return views(List.of(row)).getFirst();
    }

    private List<HoldHarmless> views(List<Row> found) {
        Map<UUID, InsuranceNames.CertificateNames> certificates = names.certificates(found.stream().map(Row::coiId)
                .toList());
        return found.stream().map(row -> {
            InsuranceNames.CertificateNames n = certificates.get(row.coiId());
            return new HoldHarmless(row.id(), row.coiId(), row.status(), row.effectiveDate(), row.expirationDate(),
                    row.subSignedAt(), row.subSignedBy(), row.gcSignedAt(), row.gcSignedBy(), row.completedAt(),
                    row.documentId() == null ? null : "/api/v1/hold-harmless/" + row.id() + "/document",
                    row.envelopeId(), row.generationError(), row.rejectionReason(), row.rejectedAt(),
                    n == null ? null : n.projectName(), row.projectId(), n == null ? null : n.subName(), row.subId(),
                    row.gcId(), row.subSignerName(), row.subSignerEmail(), row.gcSignerName(), row.gcSignerEmail(),
                    row.attempts(), row.sentAt(), row.createdAt(), row.updatedAt());
        }).toList();
    }
}
