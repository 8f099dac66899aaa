package app.covenant.contracts.templates;

import app.covenant.contracts.RichText;
import app.covenant.contracts.templates.internal.DraftCheck;
import app.covenant.contracts.templates.internal.DraftCheck.Prepared;
import app.covenant.contracts.templates.internal.Placeholders;
import app.covenant.contracts.templates.internal.TemplateFilling;
import app.covenant.contracts.templates.internal.TemplateImport;
import app.covenant.contracts.templates.internal.TemplateStore;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template library (CLM.md "Templates"): {@link ContractTemplates} for drafting contracts, and what its pages
 * and API do — browse, read versions, write (every edit a new version), retire and reactivate, preview with sample
 * values, import DOCX / HTML / text. All HTML passes {@link RichText#clean} on the way in. Who sees and who changes
 * which template is {@link TemplateStore}'s rule; the permissions ({@code template:read}, {@code template:manage})
 * are checked by the callers.
 */
@Service
public class ContractTemplateLibrary implements ContractTemplates {

    private final TemplateStore store;

    ContractTemplateLibrary(TemplateStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateSnapshot current(UUID organizationId, UUID templateId) {
        return store.current(organizationId, templateId);
    }

    @Override
    @Transactional(readOnly = true)
    public FilledTemplate fill(UUID organizationId, UUID templateId, Map<String, String> values) {
        return TemplateFilling.fill(store.current(organizationId, templateId), values);
    }

    @Override
    @Transactional(readOnly = true)
    public FilledTemplate fill(UUID organizationId, UUID templateId, int version, Map<String, String> values) {
        return TemplateFilling.fill(store.version(organizationId, templateId, version), values);
    }

    @Override
    @Transactional(readOnly = true)
    public TemplateSnapshot version(UUID organizationId, UUID templateId, int version) {
        return store.version(organizationId, templateId, version);
    }

    @Transactional(readOnly = true)
    public Page<TemplateSummary> list(Caller caller, TemplateFilter filter, Pageable pageable) {
        return store.list(caller.organizationId(), filter == null ? TemplateFilter.NONE : filter, pageable);
    }

    @Transactional(readOnly = true)
    public TemplateView find(Caller caller, UUID templateId) {
        return store.view(caller, templateId);
    }

    @Transactional(readOnly = true)
    public List<TemplateVersionInfo> versions(Caller caller, UUID templateId) {
        return store.versions(caller.organizationId(), templateId);
    }

    /**
     * A new template of the caller's organization, or a global one ({@code global}: platform administrators only).
     *
     * @throws ProblemException 400 naming each bad field, 403, 409 when the code is taken
     */
    @Transactional
    public TemplateView create(Caller caller, TemplateDraft draft, boolean global) {
        if (global && !caller.isSuperAdmin()) {
            throw ProblemException.forbidden("Only a platform administrator may create a global template.");
        }
        Prepared prepared = DraftCheck.prepare(draft, true);
        return store.create(caller, global ? null : caller.organizationId(), prepared, draft.category());
    }

    /** The template's next version; contracts made from earlier versions keep theirs. */
    @Transactional
    public TemplateView revise(Caller caller, UUID templateId, TemplateDraft draft) {
        store.view(caller, templateId); // 404 before 400: a template one cannot see answers the same to any body
        return store.revise(caller, templateId, DraftCheck.prepare(draft, false), draft.category());
    }

    @Transactional
    public TemplateView retire(Caller caller, UUID templateId) {
        return store.activate(caller, templateId, false);
    }

    @Transactional
    public TemplateView reactivate(Caller caller, UUID templateId) {
        return store.activate(caller, templateId, true);
    }

    /** The organizations an organization's template is enabled for (its managers only). */
    @Transactional(readOnly = true)
    public Set<UUID> availability(Caller caller, UUID templateId) {
        return store.enabledFor(caller, templateId);
    }

    /**
     * Enables the caller's organization's template for more organizations: only ones the caller acts in too
     * ({@code administered}, as identity reports them), so nobody publishes into a stranger's library.
     */
    @Transactional
    public TemplateView enable(Caller caller, UUID templateId, Set<UUID> organizations, Set<UUID> administered) {
        for (UUID organization : organizations) {
            if (!administered.contains(organization) && !organization.equals(caller.organizationId())) {
                throw ProblemException.invalid("organizationIds", "you do not manage templates in " + organization);
            }
        }
        return store.enableFor(caller, templateId, organizations);
    }

    /** The template's current version filled with sample values; unfilled placeholders stay visible. */
    @Transactional(readOnly = true)
    public TemplatePreview preview(Caller caller, UUID templateId, Map<String, String> samples) {
        TemplateView template = store.view(caller, templateId);
        return preview(template.bodyHtml(), template.annexures(), template.variables(), samples);
    }

    /**
     * An unsaved draft (the editor's live preview) sanitised and filled with sample values. Definitions that do not
     * hold up are left out rather than refused: the preview shows what is there while a person types.
     */
    public TemplatePreview previewDraft(String bodyHtml, List<Annexure> annexures, List<TemplateVariable> definitions,
                                        Map<String, String> samples) {
        String body = RichText.clean(bodyHtml);
        List<Annexure> clean = (annexures == null ? List.<Annexure>of() : annexures).stream()
                .map(a -> new Annexure(a.title() == null ? "" : a.title().strip(), RichText.clean(a.html()))).toList();
        List<TemplateVariable> usable = (definitions == null ? List.<TemplateVariable>of() : definitions).stream()
                .filter(d -> d.key() != null && Placeholders.KEY.matcher(d.key()).matches())
                .map(d -> new TemplateVariable(d.key(), d.label() == null || d.label().isBlank()
                        ? Placeholders.label(d.key()) : d.label(), d.type() == null ? VariableType.TEXT : d.type(),
                        d.required(), d.defaultValue(), d.choices()))
                .toList();
        return preview(body, clean, Placeholders.merge(Placeholders.keys(body, clean), usable), samples);
    }

    /**
     * A template of the caller's organization from an uploaded DOCX, HTML or text file (told apart by content).
     * Name defaults to the file's name, code to one made from the name (numbered when taken), category to OTHER.
     */
    @Transactional
    public TemplateView importDocument(Caller caller, String fileName, byte[] content, String name, String code,
                                       TemplateCategory category) {
        TemplateImport.Imported imported = TemplateImport.read(content);
        String title = name != null && !name.isBlank() ? name.strip() : baseName(fileName);
        String chosen = code != null && !code.isBlank() ? code : freeCode(caller.organizationId(), title);
        TemplateDraft draft = new TemplateDraft(chosen, title, category == null ? TemplateCategory.OTHER : category,
                "Imported from " + (fileName == null || fileName.isBlank() ? "a " + imported.kind() + " file"
                        : fileName.strip() + " (" + imported.kind() + ")"),
                imported.html(), List.of(), List.of());
        try {
            return store.create(caller, caller.organizationId(), DraftCheck.prepare(draft, true), draft.category());
        } catch (ProblemException refused) {
            if (refused.status() == 400 && refused.errors().stream().anyMatch(e -> e.field().equals("bodyHtml"))) {
                throw ProblemException.invalid("file", "has no text to make a template of");
            }
            throw refused;
        }
    }

    private static TemplatePreview preview(String body, List<Annexure> annexures, List<TemplateVariable> variables,
                                           Map<String, String> samples) {
        return new TemplatePreview(TemplateFilling.preview(body, variables, samples), annexures.stream()
                .map(a -> new Annexure(a.title(), TemplateFilling.preview(a.html(), variables, samples))).toList(),
                variables);
    }

    private String freeCode(UUID organizationId, String title) {
        String base = title.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        if (base.length() < 2) {
            base = "IMPORTED";
        }
        String code = base;
        for (int n = 2; store.codeTaken(organizationId, code) && n < 1000; n++) {
            code = base + "-" + n;
        }
        return code;
    }

    private static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "Imported template";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
        return name.isEmpty() ? "Imported template" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
