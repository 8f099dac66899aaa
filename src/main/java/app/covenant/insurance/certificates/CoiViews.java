package app.covenant.insurance.certificates;

import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificate reads of the API: lists (one query for the page, one each for its policies, deficiencies,
 * entities and the caller's broker lines — never one per certificate), one certificate with its brokers,
 * documents and timeline, the policies expiring soon and the reviewers' queue. Every query is scoped by
 * {@link InsuranceViewer}: what the caller may not see is absent from lists and {@code 404} by id.
 */
@Service
public class CoiViews {

    private static final Map<String, String> SORTABLE = Map.of(
            "createdAt", "c.created_at",
            "updatedAt", "c.updated_at",
            "status", "c.status",
            "reviewRequestedAt", "c.review_requested_at",
            "earliestExpiration", "c.earliest_expiration");

    private static final String SELECT = "select c.*, p.name as project_name, s.name as sub_name, g.name as gc_name "
            + "from insurance_cois c join insurance_projects p on p.id = c.project_id join insurance_contractors s on "
            + "s.id = c.sub_id join insurance_contractors g on g.id = c.gc_id where ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final CoiRows rows;
    private final CoiRepository cois;
    private final CoiWorkflow workflow;
    private final CoiDocuments documents;
    private final CoiCompliance compliance;
    private final Clock clock;

    private final CoiReadingRows readingRows;

    CoiViews(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, CoiRows rows, CoiRepository cois,
             CoiWorkflow workflow, CoiDocuments documents, CoiCompliance compliance, Clock clock,
             CoiReadingRows readingRows) {
        this.readingRows = readingRows;
        this.compliance = compliance;
        this.jdbc = jdbc;
        this.named = named;
        this.rows = rows;
        this.cois = cois;
        this.workflow = workflow;
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<CoiView> list(Caller caller, String status, UUID projectId, UUID subcontractorId, Pageable pageable) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        visible(caller, where, args);
        if (status != null && !status.isBlank()) {
            where.append(" and c.status = ?");
            args.add(statusOf(status).name());
        }
        if (projectId != null) {
            where.append(" and c.project_id = ?");
            args.add(projectId);
        }
        if (subcontractorId != null) {
            where.append(" and c.sub_id = ?");
            args.add(subcontractorId);
        }
        Pageable page = Sorting.only(pageable, SORTABLE.keySet(), Sort.by(Sort.Direction.DESC, "createdAt"));
        return page(caller, where.toString(), args, orderBy(page.getSort()), page);
    }

    /** Certificates waiting for review, the longest-waiting first (the reviewer's queue). */
    @Transactional(readOnly = true)
    public Page<CoiView> reviewQueue(Caller caller, Pageable pageable) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        visible(caller, where, args);
        where.append(" and c.status = ?");
        args.add(CoiStatus.AWAITING_ADMIN_REVIEW.name());
        Pageable page = Sorting.only(pageable, Set.of(), Sort.unsorted());
        return page(caller, where.toString(), args, "c.review_requested_at asc, c.id", page);
    }

    @Transactional(readOnly = true)
    public CoiView get(Caller caller, UUID id) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        visible(caller, where, args);
        where.append(" and c.id = ?");
        args.add(id);
        List<CoiView> found = jdbc.query(SELECT + where, CoiViews::view, args.toArray());
        if (found.isEmpty()) {
            throw ProblemException.notFound("Certificate");
        }
        Coi coi = cois.findById(id).orElseThrow(() -> ProblemException.notFound("Certificate"));
        Set<CoiAction> actions = CoiRules.allowed(coi, workflow.relation(caller, coi), LocalDate.now(clock));
        CoiView.Extraction extraction = readingRows.latest(id).map(e -> new CoiView.Extraction(e.status(), e.method(),
                e.documentId())).orElse(null);
        return found.getFirst().withChildren(rows.policies(id), rows.deficienciesOf(List.of(id)).getOrDefault(id,
                List.of()), actions, rows.brokers(id), documents.of(id), rows.transitions(id)).withExtraction(extraction);
    }

    /** The compliance check of a certificate the caller sees. */
    @Transactional(readOnly = true)
    public ComplianceReport compliance(Caller caller, UUID id) {
        return compliance.evaluate(workflow.visible(caller, id));
    }

    /** Policies of ACTIVE certificates the caller sees expiring within {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    public Page<ExpiringPolicy> expiring(Caller caller, int days, Pageable pageable) {
        if (days < 0 || days > 366) {
            throw ProblemException.invalid("days", "must be between 0 and 366");
        }
        LocalDate today = LocalDate.now(clock);
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        visible(caller, where, args);
        where.append(" and c.status = 'ACTIVE' and x.expiration_date between ? and ?");
        args.add(today);
        args.add(today.plusDays(days));
        String from = " from insurance_coi_policies x join insurance_cois c on c.id = x.coi_id join insurance_projects p "
                + "on p.id = c.project_id join insurance_contractors s on s.id = c.sub_id where ";
        Pageable page = Sorting.only(pageable, Set.of(), Sort.unsorted());
        long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.getPageSize());
        pageArgs.add(page.getOffset());
        List<ExpiringPolicy> content = jdbc.query("select x.*, c.project_id, c.sub_id, p.name as project_name, "
                + "s.name as sub_name" + from + where + " order by x.expiration_date, x.id limit ? offset ?", (rs, i) -> {
                    LocalDate expires = rs.getObject("expiration_date", LocalDate.class);
                    return new ExpiringPolicy(rs.getObject("coi_id", UUID.class), rs.getObject("project_id", UUID.class),
                            rs.getString("project_name"), rs.getObject("sub_id", UUID.class), rs.getString("sub_name"),
                            rs.getString("line"), rs.getString("insurer_name"), rs.getString("policy_number"), expires,
                            ChronoUnit.DAYS.between(today, expires));
                }, pageArgs.toArray());
        return new PageImpl<>(content, page, total);
    }

    private Page<CoiView> page(Caller caller, String where, List<Object> args, String orderBy, Pageable page) {
        long total = jdbc.queryForObject("select count(*) from insurance_cois c where " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.getPageSize());
        pageArgs.add(page.getOffset());
        List<CoiView> views = jdbc.query(SELECT + where + " order by " + orderBy + " limit ? offset ?", CoiViews::view,
                pageArgs.toArray());
        List<UUID> ids = views.stream().map(CoiView::id).toList();
        Map<UUID, List<CoiPolicy>> policies = rows.policiesOf(ids);
        Map<UUID, List<CoiDeficiency>> deficiencies = rows.deficienciesOf(ids);
        Map<UUID, Set<CoiAction>> actions = allowedActions(caller, ids);
        return new PageImpl<>(views.stream().map(v -> v.withChildren(policies.getOrDefault(v.id(), List.of()),
                deficiencies.getOrDefault(v.id(), List.of()), actions.getOrDefault(v.id(), Set.of()), null, null, null))
                .toList(), page, total);
    }

    /** The caller's actions on a page of certificates: entities, linked companies and broker lines in three queries. */
    private Map<UUID, Set<CoiAction>> allowedActions(Caller caller, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<UUID> companies = new HashSet<>(jdbc.queryForList("select contractor_id from insurance_contractor_users "
                + "where user_id = ?", UUID.class, caller.userId()));
        Map<UUID, Set<String>> brokerLines = new HashMap<>();
        named.query("select b.coi_id, b.line from insurance_coi_brokers b join insurance_brokers bb on bb.id = "
                + "b.broker_id where bb.user_id = :user and b.coi_id in (:ids)", Map.of("user", caller.userId(),
                "ids", ids), rs -> {
                    brokerLines.computeIfAbsent(rs.getObject("coi_id", UUID.class), id -> new HashSet<>())
                            .add(rs.getString("line"));
                });
        LocalDate today = LocalDate.now(clock);
        return cois.findAllById(ids).stream().collect(Collectors.toMap(Coi::getId, coi -> CoiRules.allowed(coi,
                CoiRules.Relation.of(caller, companies.contains(coi.subId()), companies.contains(coi.gcId()),
                        brokerLines.getOrDefault(coi.getId(), Set.of())), today), (a, b) -> a));
    }

    private static void visible(Caller caller, StringBuilder where, List<Object> args) {
        SqlPredicate predicate = new InsuranceViewer(caller).cois("c");
        where.append(predicate.sql());
        args.addAll(predicate.args());
    }

    private static String orderBy(Sort sort) {
        List<String> terms = new ArrayList<>();
        sort.forEach(order -> terms.add(SORTABLE.get(order.getProperty()) + (order.isAscending() ? " asc" : " desc")));
        terms.add("c.id");
        return String.join(", ", terms);
    }

    static CoiStatus statusOf(String status) {
        try {
            return CoiStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + java.util.Arrays.toString(CoiStatus.values()));
        }
    }

    private static CoiView view(ResultSet rs, int row) throws SQLException {
        return new CoiView(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("project_name"), rs.getObject("sub_id", UUID.class), rs.getString("sub_name"),
                rs.getObject("gc_id", UUID.class), rs.getString("gc_name"), rs.getString("status"),
                rs.getString("broker_type"), rs.getString("assigned_admin_email"), rs.getString("hold_harmless_status"),
                rs.getString("certificate_holder"), rs.getObject("earliest_expiration", LocalDate.class),
                rs.getObject("renewal_of_id", UUID.class), rs.getObject("copied_from_id", UUID.class),
                CoiRows.instant(rs, "upload_submitted_at"), CoiRows.instant(rs, "attested_at"),
                rs.getString("attestation_signer_name"), CoiRows.instant(rs, "review_requested_at"),
                rs.getObject("reviewer_id", UUID.class), CoiRows.instant(rs, "reviewed_at"),
                rs.getString("review_decision"), rs.getString("review_notes"),
                CoiRows.instant(rs, "policies_confirmed_at"), List.of(), List.of(), Set.of(), null, null, null,
                CoiRows.instant(rs, "created_at"), CoiRows.instant(rs, "updated_at"), null);
    }
}
