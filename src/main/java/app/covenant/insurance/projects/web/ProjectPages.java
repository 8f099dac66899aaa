package app.covenant.insurance.projects.web;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.contractors.ContractorDirectory;
import app.covenant.insurance.programs.ProgramCatalog;
import app.covenant.insurance.projects.ProjectDetails;
import app.covenant.insurance.projects.ProjectFilter;
import app.covenant.insurance.projects.ProjectRegistry;
import app.covenant.insurance.projects.ProjectStatus;
import app.covenant.insurance.projects.ProjectView;
import app.covenant.insurance.web.FieldCheck;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Projects for people: the filtered list, the form with every field (additional insureds as rows), and a
 * project's page: facts, program, the subs with their trades and latest certificate, "Assign subcontractor".
 */
@Controller
class ProjectPages {

    private final ProjectRegistry registry;
    private final ContractorDirectory contractors;
    private final ProgramCatalog programs;

    ProjectPages(ProjectRegistry registry, ContractorDirectory contractors, ProgramCatalog programs) {
        this.registry = registry;
        this.contractors = contractors;
        this.programs = programs;
    }

    @Bean
    static FlashMessages projectFlashMessages() {
        return new FlashMessages("insurance-projects", Map.of(
                "project-created", "The project was created.",
                "project-updated", "The project was saved.",
                "project-deleted", "The project was deleted.",
                "project-subcontractor-assigned", "The subcontractor was assigned; its certificate was requested."));
    }

    /** The assignment form. */
    record AssignForm(UUID subcontractorId, String trades) {
    }

    @PreAuthorize("hasAuthority('project:read')")
    @GetMapping("/insurance/projects")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) UUID gcId,
                Pageable pageable, Model model) {
        ProjectFilter filter = ProjectFilter.of(status, q, gcId);
        model.addAttribute("projects", registry.list(caller, filter, PageRequests.unsorted(pageable)));
        model.addAttribute("status", filter.status());
        model.addAttribute("q", filter.q());
        model.addAttribute("gcId", gcId);
        model.addAttribute("filtered", filter.any());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("gcs", contractors.generalContractors(caller));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/insurance/projects")
                .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                .queryParamIfPresent("q", Optional.ofNullable(filter.q()))
                .queryParamIfPresent("gcId", Optional.ofNullable(gcId)).encode().toUriString());
        model.addAttribute("canWrite", caller.has(ProjectRegistry.WRITE));
        return "insurance/projects";
    }

    @PreAuthorize("hasAuthority('project:write')")
    @GetMapping("/insurance/projects/new")
    String newProject(@AuthenticationPrincipal Caller caller, Model model) {
        return form(caller, null, ProjectForm.empty(), model);
    }

    @PreAuthorize("hasAuthority('project:write')")
    @PostMapping("/insurance/projects")
    String create(@AuthenticationPrincipal Caller caller, @ModelAttribute ProjectForm form, Model model,
                  HttpServletResponse response) {
        try {
            ProjectView created = registry.create(caller, form.request());
            return "redirect:/insurance/projects/" + created.id() + "?done=project-created";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return form(caller, null, form, model);
        }
    }

    @PreAuthorize("hasAuthority('project:read')")
    @GetMapping("/insurance/projects/{id}")
    String project(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ProjectView project = registry.get(caller, id);
        model.addAttribute("project", project);
        model.addAttribute("assignments", registry.assignments(caller, id));
        boolean canWrite = caller.has(ProjectRegistry.WRITE);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("canSeePrograms", caller.has("program:read"));
        model.addAttribute("subs", canWrite ? contractors.subcontractors(caller) : List.of());
        if (!model.containsAttribute("assign")) {
            model.addAttribute("assign", new AssignForm(null, null));
        }
        return "insurance/project";
    }

    @PreAuthorize("hasAuthority('project:write')")
    @GetMapping("/insurance/projects/{id}/edit")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ProjectView project = registry.get(caller, id);
        return form(caller, project, ProjectForm.of(project), model);
    }

    @PreAuthorize("hasAuthority('project:write')")
    @PostMapping("/insurance/projects/{id}")
    String update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @ModelAttribute ProjectForm form,
                  Model model, HttpServletResponse response) {
        ProjectView project = registry.get(caller, id);
        try {
            registry.update(caller, id, form.request());
            return "redirect:/insurance/projects/" + id + "?done=project-updated";
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return form(caller, project, form, model);
        }
    }

    @PreAuthorize("hasAuthority('project:write')")
    @PostMapping("/insurance/projects/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        registry.delete(caller, id);
        return "redirect:/insurance/projects?done=project-deleted";
    }

    @PreAuthorize("hasAuthority('project:write')")
    @PostMapping("/insurance/projects/{id}/subcontractors")
    String assign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @ModelAttribute AssignForm assign,
                  Model model, HttpServletResponse response) {
        try {
            registry.assign(caller, id, assign.subcontractorId(), FieldCheck.commaList(assign.trades()));
            return "redirect:/insurance/projects/" + id + "?done=project-subcontractor-assigned";
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("assign", assign);
            return project(caller, id, model);
        }
    }

    private String form(Caller caller, ProjectView project, ProjectForm form, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("backHref", project == null ? "/insurance/projects" : "/insurance/projects/" + project.id());
        model.addAttribute("backLabel", project == null ? "All projects" : project.name());
        model.addAttribute("pageTitle", project == null ? "New project" : "Edit project");
        model.addAttribute("form", form);
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("boroughs", ProjectDetails.BOROUGHS);
        model.addAttribute("gcs", contractors.generalContractors(caller));
        boolean choosesProgram = caller.has("program:write");
        model.addAttribute("choosesProgram", choosesProgram);
        model.addAttribute("programs", choosesProgram
                ? programs.list(caller, org.springframework.data.domain.PageRequest.of(0, 100)).getContent() : List.of());
        model.addAttribute("seesAll", new InsuranceViewer(caller).seesAllOfOrganization());
        return "insurance/project-form";
    }
}
