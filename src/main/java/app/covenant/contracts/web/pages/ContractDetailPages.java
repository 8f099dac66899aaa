package app.covenant.contracts.web.pages;

import app.covenant.platform.ui.FlashMessages;
import app.covenant.shared.security.Caller;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A contract's page ({@code /contracts/{id}}): its header facts, the tabs overview, document, approvals, versions and
 * activity as plain links ({@code ?tab=}, working without script), and the actions the caller may take in its state.
 * A contract the caller does not see (another organization's, a colleague's not shared) answers the 404 page.
 */
@Controller
class ContractDetailPages {

    private final ContractDetailModel detail;

    ContractDetailPages(ContractDetailModel detail) {
        this.detail = detail;
    }

    @Bean
    static FlashMessages contractDetailFlashMessages() {
        return new FlashMessages("contracts", Map.of(
                "submitted-for-approval", "The contract was submitted: legal reviews it next.",
                "approval-given", "Approved. The contract moves on to its next step.",
                "approval-revision-requested", "The contract went back to its owner with your comment.",
                "contract-rejected", "The contract was rejected.",
                "approval-escalated", "The approval was escalated to the head of legal.",
                "approval-returned", "The approval went back to legal.",
                "contract-cancelled", "The contract was cancelled.",
                "contract-shared", "The contract is now shared.",
                "version-restored", "The version was restored as a new version."));
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @GetMapping("/contracts/{id}")
    String contract(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestParam(required = false) String tab, Model model) {
        return detail.fill(caller, id, tab, model);
    }
}
