package app.covenant.contracts.templates.web;

import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.contracts.templates.TemplateSummary;
import app.covenant.contracts.templates.TemplateView;
import app.covenant.contracts.templates.internal.TemplateImport;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The template library's pages: the library ({@code /contracts/templates}: search, category, active or retired),
 * a template ({@code /contracts/templates/{id}}: body, annexures, variables, version history; retire and reactivate
 * for those who may change it), one version as it was written, and the import form. The editor is
 * {@link ContractTemplateEditorPages}. A template not available to the organization answers the 404 page.
 */
@Controller
class ContractTemplatePages {

    static final String BASE = "/contracts/templates";

    private final ContractTemplateLibrary library;

    ContractTemplatePages(ContractTemplateLibrary library) {
        this.library = library;
    }

    @Bean
    static NavigationItem contractTemplatesNavigationItem() {
        return new NavigationItem(NavigationItem.Area.CONTRACTS, "Templates", BASE, "code", 40,
                ContractPermissions.TEMPLATE_READ);
    }

    @Bean
    static FlashMessages contractTemplateFlashMessages() {
        return new FlashMessages("contracts", Map.of(
                "contract-template-created", "The template was created.",
                "contract-template-saved", "A new version of the template was saved; contracts already drafted keep "
                        + "the version they were made from.",
                "contract-template-retired", "The template was retired: no new contract can be drafted from it.",
                "contract-template-reactivated", "The template is active again.",
                "contract-template-imported", "The file was imported as a new template. Check its variables, then "
                        + "edit it to give them types and labels."));
    }

    @PreAuthorize("hasAuthority('template:read')")
    @GetMapping(BASE)
    String library(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String category, @RequestParam(required = false) String status,
                   @PageableDefault(size = 20) Pageable pageable, Model model) {
        TemplateCategory chosen = category(category);
        Boolean active = "retired".equals(status) ? Boolean.FALSE : "all".equals(status) ? null : Boolean.TRUE;
        String shownStatus = active == null ? "all" : active ? "active" : "retired";
        String term = q == null || q.isBlank() ? null : q.strip();
        Page<TemplateSummary> page = library.list(caller, new TemplateFilter(chosen, term, active),
                PageRequests.inOrder(pageable, Sort.by("name")));
        model.addAttribute("pageTitle", "Contract templates");
        model.addAttribute("templates", page);
        model.addAttribute("rows", page.getContent());
        model.addAttribute("categories", TemplateCategory.values());
        model.addAttribute("category", chosen);
        model.addAttribute("q", term);
        model.addAttribute("status", shownStatus);
        model.addAttribute("filtered", chosen != null || term != null || !"active".equals(shownStatus));
        model.addAttribute("mayManage", caller.has(ContractPermissions.TEMPLATE_MANAGE));
        // The empty library's button (a link literal in the page would trip Thymeleaf's restricted fragment mode).
        model.addAttribute("newHref", caller.has(ContractPermissions.TEMPLATE_MANAGE) && chosen == null && term == null
                && "active".equals(shownStatus) ? BASE + "/new" : null);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath(BASE);
        if (term != null) {
            base.queryParam("q", term);
        }
        if (chosen != null) {
            base.queryParam("category", chosen.name());
        }
        if (!"active".equals(shownStatus)) {
            base.queryParam("status", shownStatus);
        }
        model.addAttribute("baseUrl", base.build().encode().toUriString());
        return "contracts/templates/library";
    }

    @PreAuthorize("hasAuthority('template:read')")
    @GetMapping(BASE + "/{id}")
    String template(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        TemplateView template = library.find(caller, id);
        model.addAttribute("pageTitle", template.name());
        model.addAttribute("t", template);
        model.addAttribute("versions", library.versions(caller, id));
        return "contracts/templates/template";
    }

    @PreAuthorize("hasAuthority('template:read')")
    @GetMapping(BASE + "/{id}/versions/{number}")
    String version(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number,
                   Model model) {
        TemplateView template = library.find(caller, id);
        model.addAttribute("pageTitle", template.name() + ", version " + number);
        model.addAttribute("t", template);
        model.addAttribute("v", library.version(caller.organizationId(), id, number));
        return "contracts/templates/version";
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @PostMapping(BASE + "/{id}/retire")
    String retire(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        library.retire(caller, id);
        return "redirect:" + BASE + "/" + id + "?done=contract-template-retired";
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @PostMapping(BASE + "/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        library.reactivate(caller, id);
        return "redirect:" + BASE + "/" + id + "?done=contract-template-reactivated";
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @GetMapping(BASE + "/import")
    String importForm(Model model) {
        return importPage(null, null, null, model);
    }

    @PreAuthorize("hasAuthority('template:manage')")
    @PostMapping(BASE + "/import")
    String importFile(@AuthenticationPrincipal Caller caller,
                      @RequestParam(name = "file", required = false) MultipartFile file,
                      @RequestParam(required = false) String name, @RequestParam(required = false) String code,
                      @RequestParam(required = false) String category, Model model, HttpServletResponse response) {
        try {
            byte[] content = read(file);
            TemplateView created = library.importDocument(caller, file.getOriginalFilename(), content, name, code,
                    category(category));
            return "redirect:" + BASE + "/" + created.id() + "?done=contract-template-imported";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", refused.errors().isEmpty() ? FormErrors.general(refused.getMessage())
                    : FormErrors.of(refused));
            return importPage(name, code, category, model);
        }
    }

    private String importPage(String name, String code, String category, Model model) {
        model.addAttribute("pageTitle", "Import a template");
        model.addAttribute("categories", TemplateCategory.values());
        model.addAttribute("name", name);
        model.addAttribute("code", code);
        model.addAttribute("category", category(category));
        model.addAttribute("maxMegabytes", TemplateImport.MAX_BYTES / (1024 * 1024));
        return "contracts/templates/import";
    }

    private static byte[] read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "Choose a file to import.");
        }
        if (file.getSize() > TemplateImport.MAX_BYTES) {
            throw ProblemException.invalid("file", "is larger than " + TemplateImport.MAX_BYTES / (1024 * 1024) + " MB");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    private static TemplateCategory category(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TemplateCategory.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
