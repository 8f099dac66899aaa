package app.covenant.contracts.templates.internal;

import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.contracts.templates.TemplateSnapshot;
import app.covenant.contracts.templates.TemplateSummary;
import app.covenant.contracts.templates.TemplateVersionInfo;
import app.covenant.contracts.templates.TemplateView;
import app.covenant.contracts.templates.internal.DraftCheck.Prepared;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The templates' tables through their repositories, with the library's rules: a template is seen by the
 * organizations it is available to (global, or enabled for them; anything else is 404) and changed only by the
 * owning organization's template managers, a global one only by a platform administrator (403 otherwise).
 * Transactions are the caller's ({@code ContractTemplateLibrary}).
 */
@Component
public class TemplateStore {

    private final ContractTemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final Clock clock;

    TemplateStore(ContractTemplateRepository templates, TemplateVersionRepository versions, Clock clock) {
        this.templates = templates;
        this.versions = versions;
        this.clock = clock;
    }

    public Page<TemplateSummary> list(UUID organizationId, TemplateFilter filter, Pageable pageable) {
        return templates.findAll(TemplateSpecifications.of(organizationId, filter), pageable).map(this::summary);
    }

    /** The current version, for a new contract: 409 once retired. */
    public TemplateSnapshot current(UUID organizationId, UUID templateId) {
        ContractTemplate template = visible(organizationId, templateId);
        if (!template.active()) {
            throw ProblemException.conflict("The template " + template.name() + " is retired: it cannot be used for "
                    + "new contracts.");
        }
        return snapshot(template, version(template, template.currentVersion()));
    }

    public TemplateSnapshot version(UUID organizationId, UUID templateId, int number) {
        ContractTemplate template = visible(organizationId, templateId);
        return snapshot(template, version(template, number));
    }

    public TemplateView view(Caller caller, UUID templateId) {
        ContractTemplate template = visible(caller.organizationId(), templateId);
        return view(caller, template, version(template, template.currentVersion()));
    }

    public List<TemplateVersionInfo> versions(UUID organizationId, UUID templateId) {
        ContractTemplate template = visible(organizationId, templateId);
        return versions.findByTemplateIdOrderByNumberDesc(template.getId()).stream()
                .map(v -> new TemplateVersionInfo(v.number(), v.createdAt(), v.createdBy(), v.createdByName(),
                        v.annexures().size(), v.variables().size()))
                .toList();
    }

    public boolean codeTaken(UUID owner, String code) {
        return templates.existsByScopeKeyAndCode(ContractTemplate.GLOBAL, code)
                || owner != null && templates.existsByScopeKeyAndCode(owner.toString(), code);
    }

    /**
     * A new template of {@code owner} ({@code null}: global) with its first version. The code's uniqueness within
     * its scope is the database's constraint; this check only gives the common case a clear answer first.
     */
    public TemplateView create(Caller caller, UUID owner, Prepared draft, TemplateCategory category) {
        if (codeTaken(owner, draft.code())) {
            throw ProblemException.conflict("A template with the code " + draft.code() + " already exists.");
        }
        Instant now = clock.instant();
        ContractTemplate template = new ContractTemplate(owner, draft.code(), now);
        template.describe(draft.name(), category, draft.description(), now);
        TemplateVersion first = addVersion(template, draft, caller, now);
        try {
            templates.saveAndFlush(template);
        } catch (DataIntegrityViolationException raced) {
            throw ProblemException.conflict("A template with the code " + draft.code() + " already exists.");
        }
        versions.saveAndFlush(first);
        return view(caller, template, first);
    }

    /** The template's next version (what it says and its name, category, description); older ones stay. */
    public TemplateView revise(Caller caller, UUID templateId, Prepared draft, TemplateCategory category) {
        ContractTemplate template = editable(caller, templateId);
        if (draft.code() != null && !draft.code().equals(template.code())) {
            throw ProblemException.invalid("code", "a template's code cannot change (it is " + template.code() + ")");
        }
        Instant now = clock.instant();
        template.describe(draft.name(), category, draft.description(), now);
        TemplateVersion next = addVersion(template, draft, caller, now);
        templates.saveAndFlush(template);
        versions.saveAndFlush(next);
        return view(caller, template, next);
    }

    /** Retires ({@code false}) or reactivates a template; 409 when it already is so. */
    public TemplateView activate(Caller caller, UUID templateId, boolean active) {
        ContractTemplate template = editable(caller, templateId);
        if (template.active() == active) {
            throw ProblemException.conflict("The template is already " + (active ? "active." : "retired."));
        }
        template.activate(active, clock.instant());
        templates.saveAndFlush(template);
        return view(caller, template, version(template, template.currentVersion()));
    }

    /** Makes an organization's template available to these organizations too (its owner always). */
    public TemplateView enableFor(Caller caller, UUID templateId, Set<UUID> organizations) {
        ContractTemplate template = editable(caller, templateId);
        if (template.global()) {
            throw ProblemException.conflict("A global template is available to every organization.");
        }
        template.enableFor(organizations);
        templates.saveAndFlush(template);
        return view(caller, template, version(template, template.currentVersion()));
    }

    public Set<UUID> enabledFor(Caller caller, UUID templateId) {
        return editable(caller, templateId).enabledFor();
    }

    /** Whether a global template with this code exists (the start-up seeding). */
    public boolean globalExists(String code) {
        return templates.existsByScopeKeyAndCode(ContractTemplate.GLOBAL, code);
    }

    private TemplateVersion addVersion(ContractTemplate template, Prepared draft, Caller caller, Instant now) {
        int number = template.nextVersion(draft.variables().size(), now);
        return new TemplateVersion(template.getId(), number, draft.bodyHtml(), draft.annexures(), draft.variables(),
                caller == null ? null : caller.userId(), caller == null ? null : caller.name(), now);
    }

    private ContractTemplate visible(UUID organizationId, UUID templateId) {
        return templates.findById(templateId).filter(template -> template.availableTo(organizationId))
                .orElseThrow(() -> ProblemException.notFound("The template"));
    }

    private ContractTemplate editable(Caller caller, UUID templateId) {
        ContractTemplate template = visible(caller.organizationId(), templateId);
        if (!mayEdit(caller, template)) {
            throw ProblemException.forbidden(template.global()
                    ? "Only a platform administrator may change a global template."
                    : "Only the owning organization may change this template.");
        }
        return template;
    }

    private static boolean mayEdit(Caller caller, ContractTemplate template) {
        return caller.has(ContractPermissions.TEMPLATE_MANAGE) && (template.global() ? caller.isSuperAdmin()
                : template.ownerOrganizationId().equals(caller.organizationId()));
    }

    private TemplateVersion version(ContractTemplate template, int number) {
        return versions.findByTemplateIdAndNumber(template.getId(), number)
                .orElseThrow(() -> ProblemException.notFound("The template version"));
    }

    private TemplateSummary summary(ContractTemplate t) {
        return new TemplateSummary(t.getId(), t.code(), t.name(), t.category(), t.description(), t.active(),
                t.global(), t.currentVersion(), t.variableCount(), t.updatedAt());
    }

    private static TemplateSnapshot snapshot(ContractTemplate t, TemplateVersion v) {
        return new TemplateSnapshot(t.getId(), v.number(), t.code(), t.name(), t.category(), v.bodyHtml(),
                v.annexures(), v.variables());
    }

    private static TemplateView view(Caller caller, ContractTemplate t, TemplateVersion v) {
        return new TemplateView(t.getId(), t.code(), t.name(), t.category(), t.description(), t.active(), t.global(),
                caller != null && mayEdit(caller, t), v.number(), v.bodyHtml(), v.annexures(), v.variables(),
                t.createdAt(), t.updatedAt());
    }
}
