package app.covenant.insurance.programs;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.compliance.ProjectOverrides;
import app.covenant.insurance.projects.ProjectRegistry;
import app.covenant.insurance.projects.ProjectView;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance programs of an organization (program:read / program:write): checked with the compliance
 * engine's rules before anything is written, exactly one default per organization (never deleted), a
 * program in use by projects kept, assignment to a project with overrides, and statistics.
 */
@Service
public class ProgramCatalog {

    public static final String WRITE = "program:write";

    /** The builder's overrides for a project; null minimums and flags: as the program has them. */
    public record Overrides(Map<LimitKey, Long> minimums, Boolean wcStatutoryRequired, Boolean additionalInsuredRequired,
                            Boolean waiverOfSubrogationRequired, Boolean primaryNonContributoryRequired) {

        ProjectOverrides checked() {
            if (minimums != null && minimums.values().stream().anyMatch(v -> v != null && v < 0)) {
                throw ProblemException.invalid("overrides.minimums", "An override must not be negative.");
            }
            Map<LimitKey, Long> present = new java.util.EnumMap<>(LimitKey.class);
            if (minimums != null) {
                minimums.forEach((k, v) -> {
                    if (k != null && v != null) {
                        present.put(k, v);
                    }
                });
            }
            return new ProjectOverrides(present, wcStatutoryRequired, additionalInsuredRequired,
                    waiverOfSubrogationRequired, primaryNonContributoryRequired);
        }
    }

    private final ProgramRows rows;
    private final ProjectRegistry projects;
    private final AuditTrail audit;
    private final Clock clock;

    ProgramCatalog(ProgramRows rows, ProjectRegistry projects, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    public List<FieldError> validate(ProgramRequest request) {
        return request.problems();
    }

    @Transactional(readOnly = true)
    public Page<ProgramView> list(Caller caller, Pageable pageable) {
        Object[] args = args(caller);
        long total = rows.count(condition(caller), args);
        return new PageImpl<>(rows.list(condition(caller), args, pageable.getPageSize(), pageable.getOffset()),
                pageable, total);
    }

    @Transactional(readOnly = true)
    public ProgramView get(Caller caller, UUID id) {
        return rows.find(condition(caller), args(caller), id).orElseThrow(() -> ProblemException.notFound("Program"));
    }

    @Transactional(readOnly = true)
    public List<ProgramView.Stats> stats(Caller caller) {
        return rows.stats(condition(caller), args(caller));
    }

    @Transactional
    public ProgramView create(Caller caller, ProgramRequest request) {
        checked(request);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            rows.insert(id, caller.organizationId(), request, false, now);
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("name", "Another program has this name.");
        }
        if (Boolean.TRUE.equals(request.isDefault())) {
            rows.makeDefault(caller.organizationId(), id);
        }
        ProgramView created = get(caller, id);
        record(caller, "program.created", id, null, created);
        return created;
    }

    @Transactional
    public ProgramView update(Caller caller, UUID id, ProgramRequest request) {
        ProgramView before = writable(caller, id);
        checked(request);
        if (before.isDefault() && Boolean.FALSE.equals(request.isDefault())) {
            throw ProblemException.conflict("Make another program the default instead; the organization keeps one.");
        }
        try {
            rows.update(id, request, clock.instant());
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("name", "Another program has this name.");
        }
        if (Boolean.TRUE.equals(request.isDefault()) && !before.isDefault()) {
            rows.makeDefault(rows.organizationOf(id), id);
        }
        ProgramView after = get(caller, id);
        record(caller, "program.updated", id, before, after);
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        ProgramView program = writable(caller, id);
        if (program.isDefault()) {
            throw ProblemException.conflict("The default program is not deleted; make another one the default first.");
        }
        long using = rows.projectsUsing(id);
        if (using > 0) {
            throw ProblemException.conflict(using + " project(s) use this program; assign them another one first.");
        }
        rows.delete(id);
        record(caller, "program.deleted", id, program, null);
    }

    @Transactional
    public ProjectView assignProject(Caller caller, UUID id, UUID projectId, Overrides overrides) {
        writable(caller, id);
        if (projectId == null) {
            throw ProblemException.invalid("projectId", "Choose the project.");
        }
        ProjectOverrides checked = overrides == null ? ProjectOverrides.NONE : overrides.checked();
        return projects.assignProgram(caller, projectId, id, checked);
    }

    private ProgramView writable(Caller caller, UUID id) {
        ProgramView program = get(caller, id);
        if (!caller.has(WRITE)) {
            throw ProblemException.forbidden("You may see this program but not change it.");
        }
        return program;
    }

    private static void checked(ProgramRequest request) {
        List<FieldError> problems = request.problems();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static String condition(Caller caller) {
        return caller.isSuperAdmin() ? "1 = 1" : "pr.organization_id = ?";
    }

    private static Object[] args(Caller caller) {
        return caller.isSuperAdmin() ? new Object[0] : new Object[] {caller.organizationId()};
    }

    private void record(Caller caller, String action, UUID id, ProgramView before, ProgramView after) {
        AuditEntry entry = AuditEntry.of("insurance", action).actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("program", id);
        if (before != null) {
            entry = entry.before(facts(before));
        }
        if (after != null) {
            entry = entry.after(facts(after));
        }
        audit.record(entry);
    }

    private static Map<String, Object> facts(ProgramView p) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("name", p.name());
        f.put("isDefault", p.isDefault());
        f.put("minimums", p.minimums());
        f.put("wcStatutoryRequired", p.wcStatutoryRequired());
        f.put("additionalInsuredRequired", p.additionalInsuredRequired());
        f.put("waiverOfSubrogationRequired", p.waiverOfSubrogationRequired());
        f.put("primaryNonContributoryRequired", p.primaryNonContributoryRequired());
        f.put("holdHarmlessRequired", p.holdHarmlessRequired());
        f.put("minimumCarrierRating", p.minimumCarrierRating());
        f.put("requiredEndorsements", p.requiredEndorsements());
        f.put("tiers", p.tiers().stream().map(t -> Map.of("name", t.name(), "trades", t.trades(),
                "allOtherTrades", t.allOtherTrades(), "minimums", t.minimums())).toList());
        return f;
    }
}
