package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplatePreview;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /contracts/new}: the new-contract wizard — 1 pick a template of the organization's library or upload
 * third-party paper (contract:upload), 2 details, 3 the template's variables with a live preview
 * ({@code POST /contracts/new/preview}, the library's own preview of the filled template), 4 review and create. One
 * form, all fields in one post; {@code static/js/contract-wizard.js} shows one step at a time. A refused post comes
 * back at the first step with a problem, every value kept and each message beside its field; nothing is created.
 */
@Controller
class ContractWizardPage {

    static final String PATH = "/contracts/new";

    private final Contracts contracts;
    private final ContractTemplateLibrary library;
    private final WizardTemplates templates;

    ContractWizardPage(Contracts contracts, ContractTemplateLibrary library, WizardTemplates templates) {
        this.contracts = contracts;
        this.library = library;
        this.templates = templates;
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @GetMapping(PATH)
    String wizard(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) UUID template,
                  Model model) {
        return page(caller, ContractWizardForm.empty(template), 1, model);
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @PostMapping(PATH)
    String create(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> params,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        ContractWizardForm form = ContractWizardForm.of(params);
        if (form.paper() && !caller.has(ContractPermissions.UPLOAD)) {
            throw ProblemException.forbidden("Uploading third-party paper needs contract:upload.");
        }
        try {
            ContractView created = form.paper() ? fromPaper(caller, form, file) : fromTemplate(caller, form);
            return "redirect:/contracts/" + created.id() + "?done=contract-created";
        } catch (ProblemException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status() == 404 ? 400 : refused.status());
            FormErrors errors = FormErrors.of(refused);
            model.addAttribute("errors", errors);
            return page(caller, form, WizardSteps.firstWith(errors, form.paper()), model);
        }
    }

    /** The chosen template filled with what was typed so far; placeholders still empty stay visible, marked. */
    @PreAuthorize("hasAuthority('contract:create')")
    @PostMapping(PATH + "/preview")
    String preview(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> params, Model model) {
        ContractWizardForm form = ContractWizardForm.of(params);
        UUID template = form.templateId();
        if (template != null) {
            try {
                TemplatePreview preview = library.preview(caller, template, form.variablesOf(template));
                model.addAttribute("preview", preview);
            } catch (ProblemException notAvailable) {
                model.addAttribute("preview", null);
            }
        }
        return "contracts/fragments/wizard :: preview";
    }

    private ContractView fromTemplate(Caller caller, ContractWizardForm form) {
        List<FieldError> errors = new ArrayList<>();
        ContractDetails details = form.details(errors);
        UUID template = form.templateId();
        if (template == null) {
            errors.addFirst(new FieldError("templateId", "choose a template or upload the other party's paper"));
            throw ProblemException.invalid(errors);
        }
        Map<String, String> values = form.variablesOf(template);
        // The variables are checked first too, so one refusal names the bad details and the bad values together.
        List<FieldError> variableErrors = variableErrors(caller, template, values);
        if (!errors.isEmpty()) {
            errors.addAll(variableErrors);
            throw ProblemException.invalid(errors);
        }
        try {
            return contracts.createFromTemplate(caller, template, details, values);
        } catch (ProblemException refused) {
            if (refused.status() != 400 || variableErrors.isEmpty()) {
                throw refused;
            }
            Map<String, FieldError> all = new LinkedHashMap<>();
            refused.errors().forEach(e -> all.putIfAbsent(e.field(), e));
            variableErrors.forEach(e -> all.putIfAbsent(e.field(), e));
            throw ProblemException.invalid(List.copyOf(all.values()));
        }
    }

    private List<FieldError> variableErrors(Caller caller, UUID template, Map<String, String> values) {
        try {
            library.fill(caller.organizationId(), template, values);
            return List.of();
        } catch (ProblemException refused) {
            if (refused.status() == 400 && !refused.errors().isEmpty()) {
                return refused.errors();
            }
            return List.of(new FieldError("templateId", refused.status() == 409
                    ? "this template is no longer in use: choose another" : "choose a template of your library"));
        }
    }

    private ContractView fromPaper(Caller caller, ContractWizardForm form, MultipartFile file) {
        List<FieldError> errors = new ArrayList<>();
        ContractDetails details = form.details(errors);
        if (file == null || file.isEmpty()) {
            errors.addFirst(new FieldError("file", "choose the PDF or DOCX file of the contract"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try (InputStream content = file.getInputStream()) {
            return contracts.createFromPaper(caller, details, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "the upload could not be read");
        }
    }

    private String page(Caller caller, ContractWizardForm form, int step, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        model.addAttribute("templates", templates.of(caller));
        model.addAttribute("mayUpload", caller.has(ContractPermissions.UPLOAD));
        return "contracts/new";
    }
}
