package app.covenant.contracts.templates.web;

import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplatePreview;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.TemplateView;
import app.covenant.contracts.templates.VariableType;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The template editor ({@code /contracts/templates/new}, {@code /contracts/templates/{id}/edit}): rich text for the
 * body and each annexure ({@code static/js/contract-template-editor.js}; plain HTML textareas without script), the
 * variable panel, and the live preview, an htmx POST of the whole form to {@code /contracts/templates/preview}
 * answered with the filled text — and, when the placeholders changed, the variable panel rebuilt out of band.
 * Saving creates the template or its next version; a refusal shows the form again with each field's message.
 */
@Controller
class ContractTemplateEditorPages {

    private static final Pattern DEFINITION_FIELD = Pattern.compile("variables\\[(\\d+)]\\.(\\w+)");

    private static final Map<String, String> FIELD_NAMES = Map.of("key", "Key", "label", "Label",
            "defaultValue", "Default", "choices", "Choices");

    private final ContractTemplateLibrary library;

    ContractTemplateEditorPages(ContractTemplateLibrary library) {
        this.library = library;
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @GetMapping(ContractTemplatePages.BASE + "/new")
    String newTemplate(Model model) {
        return editor(null, EditorForm.blank(), model);
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @PostMapping(ContractTemplatePages.BASE)
    String create(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String bodyHtml,
                  @RequestParam(required = false) List<String> annexureTitle,
                  @RequestParam(required = false) List<String> annexureHtml,
                  @RequestParam(required = false) List<String> varKey, @RequestParam(required = false) List<String> varLabel,
                  @RequestParam(required = false) List<String> varType,
                  @RequestParam(required = false) List<String> varRequired,
                  @RequestParam(required = false) List<String> varDefault,
                  @RequestParam(required = false) List<String> varChoices,
                  @RequestParam(required = false) List<String> varSample, Model model, HttpServletResponse response) {
        EditorForm form = EditorForm.posted(code, name, category, description, bodyHtml, annexureTitle, annexureHtml,
                varKey, varLabel, varType, varRequired, varDefault, varChoices, varSample);
        try {
            TemplateView created = library.create(caller, form.draft(), false);
            return "redirect:" + ContractTemplatePages.BASE + "/" + created.id() + "?done=contract-template-created";
        } catch (ProblemException refused) {
            return refused(refused, null, form, model, response);
        }
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @GetMapping(ContractTemplatePages.BASE + "/{id}/edit")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        TemplateView template = library.find(caller, id);
        if (!template.editable()) {
            throw ProblemException.forbidden("This template is not yours to change.");
        }
        return editor(template, EditorForm.of(template), model);
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @PostMapping(ContractTemplatePages.BASE + "/{id}")
    String revise(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String bodyHtml,
                  @RequestParam(required = false) List<String> annexureTitle,
                  @RequestParam(required = false) List<String> annexureHtml,
                  @RequestParam(required = false) List<String> varKey, @RequestParam(required = false) List<String> varLabel,
                  @RequestParam(required = false) List<String> varType,
                  @RequestParam(required = false) List<String> varRequired,
                  @RequestParam(required = false) List<String> varDefault,
                  @RequestParam(required = false) List<String> varChoices,
                  @RequestParam(required = false) List<String> varSample, Model model, HttpServletResponse response) {
        TemplateView template = library.find(caller, id);
        EditorForm form = EditorForm.posted(null, name, category, description, bodyHtml, annexureTitle, annexureHtml,
                varKey, varLabel, varType, varRequired, varDefault, varChoices, varSample);
        try {
            library.revise(caller, id, form.draft());
            return "redirect:" + ContractTemplatePages.BASE + "/" + id + "?done=contract-template-saved";
        } catch (ProblemException refused) {
            return refused(refused, template, form, model, response);
        }
    }

    /** The editor's live preview: the filled text, and the variable panel again when the placeholders changed. */
    @PreAuthorize("hasAuthority('template:manage')")
    @PostMapping(ContractTemplatePages.BASE + "/preview")
    String preview(@RequestParam(required = false) String bodyHtml,
                   @RequestParam(required = false) List<String> annexureTitle,
                   @RequestParam(required = false) List<String> annexureHtml,
                   @RequestParam(required = false) List<String> varKey, @RequestParam(required = false) List<String> varLabel,
                   @RequestParam(required = false) List<String> varType,
                   @RequestParam(required = false) List<String> varRequired,
                   @RequestParam(required = false) List<String> varDefault,
                   @RequestParam(required = false) List<String> varChoices,
                   @RequestParam(required = false) List<String> varSample, Model model) {
        EditorForm form = EditorForm.posted(null, null, null, null, bodyHtml, annexureTitle, annexureHtml, varKey,
                varLabel, varType, varRequired, varDefault, varChoices, varSample);
        TemplatePreview preview = library.previewDraft(form.bodyHtml(), form.annexures(), form.definitions(),
                form.samples());
        EditorForm rebuilt = form.withVariables(preview.variables());
        model.addAttribute("preview", preview);
        model.addAttribute("form", rebuilt);
        model.addAttribute("types", VariableType.values());
        model.addAttribute("variablesChanged", !rebuilt.keys().equals(form.keys()));
        return "contracts/templates/editor-preview :: response";
    }

    private String refused(ProblemException refused, TemplateView template, EditorForm form, Model model,
                           HttpServletResponse response) {
        if (refused.status() != 400 && refused.status() != 409) {
            throw refused;
        }
        response.setStatus(refused.status());
        FormErrors errors = refused.errors().isEmpty() ? FormErrors.general(refused.getMessage())
                : FormErrors.of(refused);
        model.addAttribute("errors", errors);
        model.addAttribute("variableErrors", variableErrors(refused, form));
        return editor(template, form, model);
    }

    /** Messages about variable definitions by key: the API names them by index among the posted definitions. */
    private static Map<String, String> variableErrors(ProblemException refused, EditorForm form) {
        List<TemplateVariable> definitions = form.definitions();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (ProblemException.FieldError error : refused.errors()) {
            Matcher matcher = DEFINITION_FIELD.matcher(error.field());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) < definitions.size()) {
                String key = definitions.get(Integer.parseInt(matcher.group(1))).key();
                byKey.merge(key, FIELD_NAMES.getOrDefault(matcher.group(2), matcher.group(2)) + " " + error.message(), (a, b) -> a + "; " + b);
            }
        }
        return byKey;
    }

    private String editor(TemplateView template, EditorForm form, Model model) {
        TemplatePreview preview = library.previewDraft(form.bodyHtml(), form.annexures(), form.definitions(),
                form.samples());
        EditorForm shown = form.withVariables(preview.variables());
        model.addAttribute("pageTitle", template == null ? "New template" : "Edit " + template.name());
        model.addAttribute("template", template);
        model.addAttribute("form", shown);
        model.addAttribute("preview", preview);
        model.addAttribute("categories", TemplateCategory.values());
        model.addAttribute("types", VariableType.values());
        model.addAttribute("action", template == null ? ContractTemplatePages.BASE
                : ContractTemplatePages.BASE + "/" + template.id());
        return "contracts/templates/editor";
    }
}
