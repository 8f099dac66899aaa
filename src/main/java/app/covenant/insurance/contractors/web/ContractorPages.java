package app.covenant.insurance.contractors.web;

import app.covenant.insurance.InsuranceStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.contractors.ContractorDirectory;
import app.covenant.insurance.contractors.ContractorFilter;
import app.covenant.insurance.contractors.ContractorStatus;
import app.covenant.insurance.contractors.ContractorType;
import app.covenant.insurance.contractors.ContractorView;
import app.covenant.insurance.projects.ProjectRegistry;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Contractors for people: the filtered list, a company's page (facts, trades, insurance status, people with
 * the invite form, its GCs or subs, its projects) and the add / edit form. Actions only for holders of
 * {@code contractor:write}; the service answers 403 / 404 for the rest.
 */
@Controller
class ContractorPages {

    private final ContractorDirectory directory;
    private final ProjectRegistry projects;

    ContractorPages(ContractorDirectory directory, ProjectRegistry projects) {
        this.directory = directory;
        this.projects = projects;
    }

    @Bean
    static FlashMessages contractorFlashMessages() {
        return new FlashMessages("insurance-contractors", Map.of(
                "contractor-created", "The contractor was added.",
                "contractor-updated", "The contractor was saved.",
                "contractor-deleted", "The contractor was deleted.",
                "contractor-deactivated", "The contractor has projects or certificates, so it was set inactive.",
                "contractor-person-invited", "The person was invited by e-mail and linked to the company.",
                "contractor-person-removed", "The person was unlinked from the company."));
    }

    @PreAuthorize("hasAuthority('contractor:read')")
    @GetMapping("/insurance/contractors")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String type,
                @RequestParam(required = false) String status, @RequestParam(required = false) String insuranceStatus,
                @RequestParam(required = false) String trade, @RequestParam(required = false) String q,
                Pageable pageable, Model model) {
        ContractorFilter filter = ContractorFilter.of(type, status, insuranceStatus, trade, q);
        model.addAttribute("contractors", directory.list(caller, filter, PageRequests.unsorted(pageable)));
        model.addAttribute("type", filter.type());
        model.addAttribute("status", filter.status());
        model.addAttribute("insuranceStatus", filter.insuranceStatus());
        model.addAttribute("trade", trade == null || trade.isBlank() ? null : trade.strip());
        model.addAttribute("q", filter.q());
        model.addAttribute("filtered", filter.any());
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/insurance/contractors")
                .queryParamIfPresent("type", java.util.Optional.ofNullable(filter.type()))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(filter.status()))
                .queryParamIfPresent("insuranceStatus", java.util.Optional.ofNullable(filter.insuranceStatus()))
                .queryParamIfPresent("trade", java.util.Optional.ofNullable(trade).filter(t -> !t.isBlank()))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(filter.q())).encode().toUriString());
        options(model);
        model.addAttribute("canWrite", ContractorDirectory.mayWrite(caller));
        return "insurance/contractors";
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @GetMapping("/insurance/contractors/new")
    String newContractor(@AuthenticationPrincipal Caller caller, Model model) {
        return form(caller, null, ContractorForm.empty(), model);
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @PostMapping("/insurance/contractors")
    String create(@AuthenticationPrincipal Caller caller, @ModelAttribute ContractorForm form, Model model,
                  HttpServletResponse response) {
        try {
            boolean namesGcs = new InsuranceViewer(caller).seesAllOfOrganization();
            ContractorView created = directory.create(caller, form.request(namesGcs));
            return "redirect:/insurance/contractors/" + created.id() + "?done=contractor-created";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return form(caller, null, form, model);
        }
    }

    @PreAuthorize("hasAuthority('contractor:read')")
    @GetMapping("/insurance/contractors/{id}")
    String contractor(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ContractorView contractor = directory.get(caller, id);
        model.addAttribute("contractor", contractor);
        model.addAttribute("people", directory.people(caller, id));
        model.addAttribute("standing", directory.insuranceStanding(caller, id));
        model.addAttribute("projects", projects.ofContractor(caller, id));
        model.addAttribute("subs", contractor.type() == ContractorType.GENERAL_CONTRACTOR
                ? directory.subsOf(caller, id) : List.of());
        Map<UUID, String> gcNames = new LinkedHashMap<>();
        directory.generalContractors(caller).forEach(gc -> gcNames.put(gc.id(), gc.name()));
        model.addAttribute("gcNames", gcNames);
        model.addAttribute("canWrite", ContractorDirectory.mayWrite(caller));
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", new Invite(null, null));
        }
        return "insurance/contractor";
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @GetMapping("/insurance/contractors/{id}/edit")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ContractorView contractor = directory.get(caller, id);
        return form(caller, contractor, ContractorForm.of(contractor), model);
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @PostMapping("/insurance/contractors/{id}")
    String update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @ModelAttribute ContractorForm form,
                  Model model, HttpServletResponse response) {
        ContractorView contractor = directory.get(caller, id);
        try {
            directory.update(caller, id, form.request(new InsuranceViewer(caller).seesAllOfOrganization()));
            return "redirect:/insurance/contractors/" + id + "?done=contractor-updated";
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return form(caller, contractor, form, model);
        }
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @PostMapping("/insurance/contractors/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        ContractorDirectory.Removal removal = directory.delete(caller, id);
        return removal.deleted() ? "redirect:/insurance/contractors?done=contractor-deleted"
                : "redirect:/insurance/contractors/" + id + "?done=contractor-deactivated";
    }

    /** The invite form. */
    record Invite(String email, String name) {
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @PostMapping("/insurance/contractors/{id}/people")
    String invite(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @ModelAttribute Invite invite,
                  Model model, HttpServletResponse response) {
        try {
            directory.invite(caller, id, invite.email(), invite.name());
            return "redirect:/insurance/contractors/" + id + "?done=contractor-person-invited";
        } catch (ProblemException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("invite", invite);
            return contractor(caller, id, model);
        }
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @PostMapping("/insurance/contractors/{id}/people/{userId}/remove")
    String unlink(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
        directory.unlink(caller, id, userId);
        return "redirect:/insurance/contractors/" + id + "?done=contractor-person-removed";
    }

    private String form(Caller caller, ContractorView contractor, ContractorForm form, Model model) {
        model.addAttribute("contractor", contractor);
        model.addAttribute("backHref", contractor == null ? "/insurance/contractors"
                : "/insurance/contractors/" + contractor.id());
        model.addAttribute("backLabel", contractor == null ? "All contractors" : contractor.name());
        model.addAttribute("pageTitle", contractor == null ? "Add contractor" : "Edit contractor");
        model.addAttribute("form", form);
        model.addAttribute("namesGcs", new InsuranceViewer(caller).seesAllOfOrganization());
        model.addAttribute("gcs", directory.generalContractors(caller));
        options(model);
        return "insurance/contractor-form";
    }

    private static void options(Model model) {
        model.addAttribute("types", ContractorType.values());
        model.addAttribute("statuses", ContractorStatus.values());
        model.addAttribute("insuranceStatuses", InsuranceStatus.values());
    }
}
