package app.covenant.insurance.projects;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.compliance.ProjectOverrides;
import app.covenant.insurance.compliance.Trades;
import app.covenant.insurance.contractors.ContractorLinks;
import app.covenant.insurance.web.FieldCheck;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects for a caller: seen through InsuranceViewer, changed by holders of {@value #WRITE} on a project
 * they see (a GC's people: their GC's projects only), and the subs assigned to them. Assigning publishes
 * {@link SubcontractorAssigned} inside the same transaction, so the certificate request is made with it.
 */
@Service
public class ProjectRegistry {

    public static final String WRITE = "project:write";
    static final String PROGRAM_WRITE = "program:write";

    private final ProjectRepository projects;
    private final ProjectViews views;
    private final ContractorLinks links;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ProjectRegistry(ProjectRepository projects, ProjectViews views, ContractorLinks links,
                    ApplicationEventPublisher events, AuditTrail audit, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.projects = projects;
        this.views = views;
        this.links = links;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<ProjectView> list(Caller caller, ProjectFilter filter, Pageable pageable) {
        Pageable page = app.covenant.shared.web.Sorting.only(pageable, ProjectViews.SORT_COLUMNS.keySet(),
                Sort.by("name"));
        return views.list(new InsuranceViewer(caller), filter, page);
    }

    @Transactional(readOnly = true)
    public ProjectView get(Caller caller, UUID id) {
        return views.find(new InsuranceViewer(caller), id).orElseThrow(() -> ProblemException.notFound("Project"));
    }

    @Transactional(readOnly = true)
    public List<ProjectView> ofContractor(Caller caller, UUID contractorId) {
        return views.ofContractor(new InsuranceViewer(caller), contractorId);
    }

    @Transactional(readOnly = true)
    public List<AssignmentView> assignments(Caller caller, UUID projectId) {
        get(caller, projectId);
        return views.assignments(new InsuranceViewer(caller), projectId);
    }

    @Transactional
    public ProjectView create(Caller caller, ProjectDetails.Request request) {
        ProjectDetails details = checked(caller, request.check(), null);
        Instant now = clock.instant();
        Project project = projects.save(new Project(caller.organizationId(), details, now));
        record(caller, "project.created", project.getId(), null, project.facts());
        projects.flush();
        return get(caller, project.getId());
    }

    @Transactional
    public ProjectView update(Caller caller, UUID id, ProjectDetails.Request request) {
        Project project = writable(caller, id);
        ProjectDetails details = checked(caller, request.check(), project);
        Map<String, Object> before = project.facts();
        project.change(details, clock.instant());
        record(caller, "project.updated", id, before, project.facts());
        projects.flush();
        return get(caller, id);
    }

    /** Only a project no certificate refers to is deleted (its assignments go with it); otherwise cancel it. */
    @Transactional
    public void delete(Caller caller, UUID id) {
        Project project = writable(caller, id);
        Boolean certified = jdbc.queryForObject("select count(*) > 0 from insurance_cois where project_id = ?",
                Boolean.class, id);
        if (Boolean.TRUE.equals(certified)) {
            throw ProblemException.conflict("Certificates refer to this project; set its status to CANCELLED or "
                    + "COMPLETED instead of deleting it.");
        }
        record(caller, "project.deleted", id, project.facts(), null);
        projects.delete(project);
    }

    /**
     * Assigns a sub (of the organization, that the caller sees) with its trades — none named: the sub's own —
     * links it to the project's GC if it was not, and publishes {@link SubcontractorAssigned}.
     */
    @Transactional
    public AssignmentView assign(Caller caller, UUID projectId, UUID subId, List<String> requestedTrades) {
        Project project = writable(caller, projectId);
        FieldCheck check = new FieldCheck();
        List<String> trades = check.trades("trades", requestedTrades);
        if (subId == null) {
            check.add("subcontractorId", "Choose the subcontractor to assign.");
        }
        check.throwIfAny();
        InsuranceViewer viewer = new InsuranceViewer(caller);
        var visible = viewer.contractors("k");
        List<Object> args = new java.util.ArrayList<>(List.of(subId, project.organizationId()));
        args.addAll(visible.args());
        List<String> subTypes = jdbc.queryForList("select k.type from insurance_contractors k where k.id = ? "
                + "and k.organization_id = ? and " + visible.sql(), String.class, args.toArray());
        if (subTypes.isEmpty() || !"SUBCONTRACTOR".equals(subTypes.getFirst())) {
            throw ProblemException.invalid("subcontractorId", "Choose a subcontractor of this organization.");
        }
        if (trades.isEmpty()) {
            trades = jdbc.queryForList("select trade from insurance_contractor_trades where contractor_id = ? "
                    + "order by trade_key", String.class, subId);
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from insurance_project_assignments "
                + "where project_id = ? and sub_id = ?", Boolean.class, projectId, subId))) {
            throw ProblemException.conflict("This subcontractor is already assigned to the project.");
        }
        Instant now = clock.instant();
        UUID assignmentId = UUID.randomUUID();
        try {
            jdbc.update("insert into insurance_project_assignments (id, project_id, sub_id, created_at) values (?, ?, ?, ?)",
                    assignmentId, projectId, subId, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("This subcontractor is already assigned to the project.");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        trades.forEach(t -> byKey.putIfAbsent(Trades.key(t), t));
        byKey.forEach((key, trade) -> jdbc.update("insert into insurance_assignment_trades (assignment_id, trade, trade_key) "
                + "values (?, ?, ?)", assignmentId, trade, key));
        links.linkSub(project.gcId(), subId, now);
        List<String> assigned = List.copyOf(byKey.values());
        audit.record(AuditEntry.of("insurance", "project.subcontractor-assigned").actor(caller.userId(), caller.email())
                .organization(project.organizationId()).target("project", projectId)
                .after(Map.of("assignmentId", assignmentId, "subId", subId, "trades", assigned)));
        events.publishEvent(new SubcontractorAssigned(project.organizationId(), projectId, subId, assignmentId,
                assigned, caller.userId(), caller.name(), caller.email()));
        return views.assignment(viewer, projectId, assignmentId)
                .orElseThrow(() -> new IllegalStateException("assignment " + assignmentId + " not readable"));
    }

    /**
     * Puts the project under a program (validated by the caller: {@code programs}) with overrides; the
     * project must be one the caller sees. Called by the programs side with {@code program:write}.
     */
    @Transactional
    public ProjectView assignProgram(Caller caller, UUID projectId, UUID programId, ProjectOverrides overrides) {
        get(caller, projectId);
        Project project = projects.findById(projectId).orElseThrow(() -> ProblemException.notFound("Project"));
        if (!program(project.organizationId(), programId)) {
            throw ProblemException.invalid("programId", "Choose a program of the project's organization.");
        }
        Map<String, Object> before = project.facts();
        String overridesJson = overrides == null || overrides.equals(ProjectOverrides.NONE) ? null
                : json.writeValueAsString(overrides);
        project.assignProgram(programId, overridesJson, clock.instant());
        record(caller, "project.program-assigned", projectId, before, project.facts());
        projects.flush();
        return get(caller, projectId);
    }

    private ProjectDetails checked(Caller caller, ProjectDetails details, Project existing) {
        InsuranceViewer viewer = new InsuranceViewer(caller);
        UUID organization = existing == null ? caller.organizationId() : existing.organizationId();
        UUID gc = details.gcId();
        if (!viewer.seesAllOfOrganization()) {
            List<UUID> own = links.ownGeneralContractorsOf(caller.userId(), organization);
            if (gc == null && own.size() == 1) {
                gc = own.getFirst();
            }
            if (gc != null && !own.contains(gc)) {
                throw ProblemException.forbidden("You create and move projects for your own general contractor only.");
            }
        }
        if (gc == null) {
            throw ProblemException.invalid("gcId", "Choose the general contractor.");
        }
        String gcName = jdbc.query("select name from insurance_contractors where id = ? and organization_id = ? "
                + "and type = 'GENERAL_CONTRACTOR'", rs -> rs.next() ? rs.getString(1) : null, gc, organization);
        if (gcName == null) {
            throw ProblemException.invalid("gcId", "Choose a general contractor of the organization.");
        }
        UUID current = existing == null ? null : existing.programId();
        if (!Objects.equals(details.programId(), current)) {
            if (!caller.has(PROGRAM_WRITE)) {
                throw ProblemException.forbidden("Only holders of program:write choose a project's program.");
            }
            if (details.programId() != null && !program(organization, details.programId())) {
                throw ProblemException.invalid("programId", "Choose a program of the organization.");
            }
        }
        ProjectDetails result = details.withGcId(gc);
        return result.gcName() == null ? result.withGcName(gcName) : result;
    }

    private boolean program(UUID organization, UUID programId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from insurance_programs where id = ? "
                + "and organization_id = ?", Boolean.class, programId, organization));
    }

    private Project writable(Caller caller, UUID id) {
        get(caller, id);
        if (!caller.has(WRITE)) {
            throw ProblemException.forbidden("You may see this project but not change it.");
        }
        return projects.findById(id).orElseThrow(() -> ProblemException.notFound("Project"));
    }

    private void record(Caller caller, String action, UUID id, Map<String, Object> before, Map<String, Object> after) {
        AuditEntry entry = AuditEntry.of("insurance", action).actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("project", id);
        if (before != null) {
            entry = entry.before(before);
        }
        if (after != null) {
            entry = entry.after(after);
        }
        audit.record(entry);
    }
}
