package app.covenant.insurance.programs.web;

import app.covenant.insurance.access.AgreementPlaceholders;
import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.programs.ProgramCatalog;
import app.covenant.insurance.programs.ProgramRequest;
import app.covenant.insurance.programs.ProgramView;
import app.covenant.insurance.projects.ProjectFilter;
import app.covenant.insurance.projects.ProjectRegistry;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Programs for people: the list with statistics, and the program builder (requirements, flags, endorsements,
 * hold-harmless template, tiers × trades) — validated as you type by {@code static/js/insurance.js} through
 * {@code POST /api/v1/programs/validate}, and again on save — with "assign to a project" and its overrides.
 * Holders of {@code program:read} without {@code program:write} see the program read-only.
 */
@Controller
class ProgramPages {

    /** The permission of the hold-harmless module's template endpoints (named, not imported: no module dependency). */
    static final String HOLD_HARMLESS_MANAGE = "holdharmless:manage";

    private final ProgramCatalog catalog;
    private final ProjectRegistry projects;

    ProgramPages(ProgramCatalog catalog, ProjectRegistry projects) {
        this.catalog = catalog;
        this.projects = projects;
    }

    @Bean
    static FlashMessages programFlashMessages() {
        return new FlashMessages("insurance-programs", Map.of(
                "program-created", "The program was created.",
                "program-updated", "The program was saved.",
                "program-deleted", "The program was deleted.",
                "program-assigned", "The project now follows this program."));
    }

    @PreAuthorize("hasAuthority('program:read')")
    @GetMapping("/insurance/programs")
    String list(@AuthenticationPrincipal Caller caller, Pageable pageable, Model model) {
        model.addAttribute("programs", catalog.list(caller, PageRequests.unsorted(pageable)));
        Map<UUID, ProgramView.Stats> stats = new LinkedHashMap<>();
        catalog.stats(caller).forEach(s -> stats.put(s.programId(), s));
        model.addAttribute("stats", stats);
        model.addAttribute("canWrite", caller.has(ProgramCatalog.WRITE));
        return "insurance/programs";
    }

    @PreAuthorize("hasAuthority('program:write')")
    @GetMapping("/insurance/programs/new")
    String newProgram(@AuthenticationPrincipal Caller caller, Model model) {
        ProgramRequest empty = new ProgramRequest(null, null, false, Map.of(), true, true, true, true, true, true, true,
                false, null, null, List.of(), List.of());
        return builder(caller, null, empty, model);
    }

    @PreAuthorize("hasAuthority('program:write')")
    @PostMapping("/insurance/programs")
    String create(@AuthenticationPrincipal Caller caller, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response) {
        ProgramRequest request = null;
        try {
            request = ProgramForm.read(form);
            ProgramView created = catalog.create(caller, request);
            return "redirect:/insurance/programs/" + created.id() + "?done=program-created";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return builder(caller, null, request == null ? emptyNamed(form) : request, model);
        }
    }

    @PreAuthorize("hasAuthority('program:read')")
    @GetMapping("/insurance/programs/{id}")
    String program(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ProgramView program = catalog.get(caller, id);
        return builder(caller, program, program, model);
    }

    @PreAuthorize("hasAuthority('program:write')")
    @PostMapping("/insurance/programs/{id}")
    String update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        ProgramView program = catalog.get(caller, id);
        ProgramRequest request = null;
        try {
            request = ProgramForm.read(form);
            catalog.update(caller, id, request);
            return "redirect:/insurance/programs/" + id + "?done=program-updated";
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return builder(caller, program, request == null ? program : request, model);
        }
    }

    @PreAuthorize("hasAuthority('program:write')")
    @PostMapping("/insurance/programs/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model,
                  HttpServletResponse response) {
        try {
            catalog.delete(caller, id);
            return "redirect:/insurance/programs?done=program-deleted";
        } catch (ProblemException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.of(refused));
            return program(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('program:write')")
    @PostMapping("/insurance/programs/{id}/assign-project")
    String assignProject(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @RequestParam(required = false) UUID projectId,
                         @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            Map<LimitKey, Long> minimums = new EnumMap<>(LimitKey.class);
            for (LimitKey key : LimitKey.values()) {
                String text = form.getFirst("override." + key.name());
                if (text != null && !text.isBlank()) {
                    try {
                        minimums.put(key, Long.parseLong(text.replaceAll("[$,\\s]", "")));
                    } catch (NumberFormatException e) {
                        throw ProblemException.invalid("overrides", "Enter whole dollars, like 2,000,000.");
                    }
                }
            }
            catalog.assignProject(caller, id, projectId, new ProgramCatalog.Overrides(minimums,
                    choice(form.getFirst("override.wcStatutoryRequired")),
                    choice(form.getFirst("override.additionalInsuredRequired")),
                    choice(form.getFirst("override.waiverOfSubrogationRequired")),
                    choice(form.getFirst("override.primaryNonContributoryRequired"))));
            return "redirect:/insurance/projects/" + projectId + "?done=program-assigned";
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return program(caller, id, model);
        }
    }

    /** "yes" / "no" / "" (as the program has it). */
    private static Boolean choice(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static ProgramRequest emptyNamed(MultiValueMap<String, String> form) {
        return new ProgramRequest(form.getFirst("name"), form.getFirst("description"), false, Map.of(), false, false,
                true, true, true, false, false, false, form.getFirst("holdHarmlessTemplate"), null, List.of(), List.of());
    }

    /** @param shown the program as shown in the form: stored (ProgramView) or as just posted (ProgramRequest) */
    private String builder(Caller caller, ProgramView program, Object shown, Model model) {
        model.addAttribute("program", program);
        model.addAttribute("pageTitle", program == null ? "New program" : program.name());
        model.addAttribute("pageSubtitle", program != null && program.isDefault()
                ? "The default program: projects without their own program follow it." : null);
        model.addAttribute("shown", shown);
        model.addAttribute("limitKeys", LimitKey.values());
        model.addAttribute("tierKeys", ProgramForm.TIER_KEYS);
        model.addAttribute("ratings", ProgramRequest.CARRIER_RATINGS);
        boolean canWrite = caller.has(ProgramCatalog.WRITE);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("agreementPlaceholders", AgreementPlaceholders.NAMES);
        // The hold-harmless module's template preview and default template (its API, by URL in the page: insurance
        // does not depend on that module) answer holders of its manage permission only.
        model.addAttribute("agreementTools", canWrite && caller.has(HOLD_HARMLESS_MANAGE));
        model.addAttribute("projects", canWrite && program != null
                ? projects.list(caller, ProjectFilter.NONE, PageRequest.of(0, 100)).getContent() : List.of());
        return "insurance/program";
    }
}
