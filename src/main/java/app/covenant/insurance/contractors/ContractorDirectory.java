package app.covenant.insurance.contractors;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.Members;
import app.covenant.identity.PartyInvitations;
import app.covenant.identity.PartyInvitations.PartyRole;
import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.InsuranceStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.web.FieldCheck;
import app.covenant.insurance.web.SqlQuery;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contractors for a caller: what they see (InsuranceViewer), what they may change ({@code contractor:write}
 * on a record they see: a GC's people their own GC and its subs), the people linked to a company (invited
 * by link through identity) and the computed insurance status. Every change is audited.
 */
@Service
public class ContractorDirectory {

    public static final String WRITE = "contractor:write";

    /** A person linked to a company. */
    public record Person(UUID userId, String name, String email, boolean active) {
    }

    /** The computed status and how each project the sub is assigned to (and the caller sees) stands. */
    public record InsuranceStanding(UUID contractorId, InsuranceStatus insuranceStatus, Instant computedAt,
                                    List<ProjectStanding> projects) {
    }

    public record ProjectStanding(UUID projectId, String projectName, InsuranceStatus status,
                                  List<CoiStatus> certificateStatuses) {
    }

    /** Answer of a delete: removed, or kept as INACTIVE because projects or certificates refer to it. */
    public record Removal(boolean deleted, ContractorView deactivated) {
    }

    private final ContractorRepository contractors;
    private final ContractorViews views;
    private final ContractorLinks links;
    private final PartyInvitations invitations;
    private final Members members;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContractorDirectory(ContractorRepository contractors, ContractorViews views, ContractorLinks links,
                        PartyInvitations invitations, Members members, AuditTrail audit, JdbcTemplate jdbc,
                        Clock clock) {
        this.contractors = contractors;
        this.views = views;
        this.links = links;
        this.invitations = invitations;
        this.members = members;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean mayWrite(Caller caller) {
        return caller.has(WRITE);
    }

    @Transactional(readOnly = true)
    public Page<ContractorView> list(Caller caller, ContractorFilter filter, Pageable pageable) {
        Pageable page = app.covenant.shared.web.Sorting.only(pageable, ContractorViews.SORT_COLUMNS.keySet(),
                Sort.by("name"));
        return views.list(new InsuranceViewer(caller), filter, page);
    }

    @Transactional(readOnly = true)
    public ContractorView get(Caller caller, UUID id) {
        return views.find(new InsuranceViewer(caller), id).orElseThrow(() -> ProblemException.notFound("Contractor"));
    }

    @Transactional(readOnly = true)
    public Optional<ContractorView> find(Caller caller, UUID id) {
        return views.find(new InsuranceViewer(caller), id);
    }

    @Transactional(readOnly = true)
    public List<ContractorView> generalContractors(Caller caller) {
        return views.generalContractors(new InsuranceViewer(caller), caller.organizationId());
    }

    @Transactional(readOnly = true)
    public List<ContractorView> subcontractors(Caller caller) {
        return views.subcontractors(new InsuranceViewer(caller), caller.organizationId());
    }

    @Transactional(readOnly = true)
    public List<ContractorView> subsOf(Caller caller, UUID gcId) {
        return views.subsOf(new InsuranceViewer(caller), gcId);
    }

    /**
     * A GC is added by those who see the whole organization; a sub by them (naming its GCs) or by a GC's
     * people, for whom it is linked to their own GC.
     */
    @Transactional
    public ContractorView create(Caller caller, ContractorDetails.Request request) {
        ContractorType type = request.checkedType();
        ContractorDetails details = request.check();
        InsuranceViewer viewer = new InsuranceViewer(caller);
        List<UUID> gcIds = List.of();
        if (type == ContractorType.GENERAL_CONTRACTOR) {
            if (!viewer.seesAllOfOrganization()) {
                throw ProblemException.forbidden("Only an administrator or manager adds general contractors.");
            }
        } else {
            gcIds = gcsFor(caller, viewer, details.gcIds());
        }
        Instant now = clock.instant();
        // Flushed at once: the link rows below are written with JDBC and refer to it.
        Contractor contractor = contractors.saveAndFlush(new Contractor(caller.organizationId(), type, details, now));
        for (UUID gc : gcIds) {
            links.linkSub(gc, contractor.getId(), now);
        }
        Map<String, Object> facts = contractor.facts();
        facts.put("gcIds", gcIds);
        record(caller, "contractor.created", contractor.getId(), null, facts);
        contractors.flush();
        return get(caller, contractor.getId());
    }

    @Transactional
    public ContractorView update(Caller caller, UUID id, ContractorDetails.Request request) {
        Contractor contractor = writable(caller, id);
        ContractorDetails details = request.check();
        Map<String, Object> before = contractor.facts();
        Instant now = clock.instant();
        contractor.change(details, now);
        if (contractor.type() == ContractorType.SUBCONTRACTOR && details.gcIds() != null
                && new InsuranceViewer(caller).seesAllOfOrganization()) {
            List<UUID> gcs = checkedGcs(caller.organizationId(), details.gcIds());
            links.replaceGcs(id, gcs, now);
        }
        record(caller, "contractor.updated", id, before, contractor.facts());
        contractors.flush();
        return get(caller, id);
    }

    /** Deleted when nothing refers to it; otherwise deactivated, so its projects and certificates keep their party. */
    @Transactional
    public Removal delete(Caller caller, UUID id) {
        Contractor contractor = writable(caller, id);
        if (links.hasRecords(id)) {
            Map<String, Object> before = contractor.facts();
            contractor.deactivate(clock.instant());
            record(caller, "contractor.deactivated", id, before, contractor.facts());
            contractors.flush();
            return new Removal(false, get(caller, id));
        }
        record(caller, "contractor.deleted", id, contractor.facts(), null);
        contractors.delete(contractor);
        return new Removal(true, null);
    }

    @Transactional(readOnly = true)
    public List<Person> people(Caller caller, UUID id) {
        ContractorView contractor = get(caller, id);
        List<UUID> ids = links.users(contractor.id());
        UUID organization = jdbc.queryForObject("select organization_id from insurance_contractors where id = ?",
                UUID.class, id);
        return members.byIds(organization, ids).values().stream()
                .map(m -> new Person(m.userId(), m.name(), m.email(), m.active()))
                .sorted(java.util.Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Invites the person by link (CONTRACTOR for a GC, SUBCONTRACTOR for a sub) and links them to the company. */
    @Transactional
    public Person invite(Caller caller, UUID id, String email, String name) {
        Contractor contractor = writable(caller, id);
        FieldCheck check = new FieldCheck();
        String address = check.email("email", email);
        if (address == null) {
            check.add("email", "Enter the person's e-mail address.");
        }
        String fullName = check.required("name", name, 200);
        check.throwIfAny();
        if (!contractor.organizationId().equals(caller.organizationId())) {
            throw ProblemException.forbidden("People are invited into their company's own organization only.");
        }
        PartyRole role = contractor.type() == ContractorType.GENERAL_CONTRACTOR ? PartyRole.CONTRACTOR
                : PartyRole.SUBCONTRACTOR;
        PartyInvitations.Invited invited = invitations.invite(caller, address, fullName, role);
        contractors.flush(); // identity's new user row, which the JDBC link refers to
        links.linkUser(id, invited.userId());
        record(caller, "contractor.person-linked", id, null, Map.of("userId", invited.userId(), "email", address,
                "role", role.name(), "newInvitation", invited.newInvitation()));
        Members.Member member = members.byIds(contractor.organizationId(), List.of(invited.userId()))
                .get(invited.userId());
        return member == null ? new Person(invited.userId(), fullName, address, false)
                : new Person(member.userId(), member.name(), member.email(), member.active());
    }

    @Transactional
    public void unlink(Caller caller, UUID id, UUID userId) {
        writable(caller, id);
        if (!links.unlinkUser(id, userId)) {
            throw ProblemException.notFound("Person");
        }
        record(caller, "contractor.person-unlinked", id, Map.of("userId", userId), null);
    }

    @Transactional(readOnly = true)
    public InsuranceStanding insuranceStanding(Caller caller, UUID id) {
        ContractorView contractor = get(caller, id);
        Instant computedAt = jdbc.query("select computed_at from insurance_contractor_standing where contractor_id = ?",
                rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, id);
        SqlQuery query = new SqlQuery(new InsuranceViewer(caller).projects("p")).and("pa.sub_id = ?", id);
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, List<CoiStatus>> statuses = new LinkedHashMap<>();
        jdbc.query("select p.id, p.name, c.status from insurance_project_assignments pa join insurance_projects p "
                + "on p.id = pa.project_id left join insurance_cois c on c.project_id = p.id and c.sub_id = pa.sub_id"
                + query.where() + " order by p.name, p.id", rs -> {
                    UUID project = rs.getObject(1, UUID.class);
                    names.put(project, rs.getString(2));
                    List<CoiStatus> list = statuses.computeIfAbsent(project, k -> new ArrayList<>());
                    if (rs.getString(3) != null) {
                        list.add(CoiStatus.valueOf(rs.getString(3)));
                    }
                }, query.args());
        List<ProjectStanding> projects = names.entrySet().stream().map(e -> new ProjectStanding(e.getKey(),
                e.getValue(), InsuranceStatus.of(List.of(statuses.get(e.getKey()))), statuses.get(e.getKey())))
                .toList();
        return new InsuranceStanding(id, contractor.insuranceStatus(), computedAt, projects);
    }

    /** The contractor entity the caller may change: 404 when not visible, 403 without {@value #WRITE}. */
    private Contractor writable(Caller caller, UUID id) {
        get(caller, id);
        if (!caller.has(WRITE)) {
            throw ProblemException.forbidden("You may see this contractor but not change it.");
        }
        return contractors.findById(id).orElseThrow(() -> ProblemException.notFound("Contractor"));
    }

    private List<UUID> gcsFor(Caller caller, InsuranceViewer viewer, List<UUID> named) {
        if (viewer.seesAllOfOrganization()) {
            return checkedGcs(caller.organizationId(), named == null ? List.of() : named);
        }
        List<UUID> own = links.ownGeneralContractors(caller.userId(), caller.organizationId());
        if (own.isEmpty()) {
            throw ProblemException.forbidden("Only people of a general contractor add subcontractors.");
        }
        if (named != null && !named.isEmpty()) {
            if (!own.containsAll(named)) {
                throw ProblemException.invalid("gcIds", "You add subcontractors to your own general contractor only.");
            }
            return named;
        }
        return own;
    }

    private List<UUID> checkedGcs(UUID organizationId, List<UUID> named) {
        List<UUID> found = links.generalContractorsAmong(organizationId, named);
        if (found.size() != named.size()) {
            throw ProblemException.invalid("gcIds", "Name general contractors of your organization.");
        }
        return named;
    }

    private void record(Caller caller, String action, UUID id, Map<String, Object> before, Map<String, Object> after) {
        AuditEntry entry = AuditEntry.of("insurance", action).actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("contractor", id);
        if (before != null) {
            entry = entry.before(before);
        }
        if (after != null) {
            entry = entry.after(after);
        }
        audit.record(entry);
    }
}
