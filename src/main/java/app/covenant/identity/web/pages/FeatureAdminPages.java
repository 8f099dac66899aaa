package app.covenant.identity.web.pages;

import app.covenant.identity.Feature;
import app.covenant.identity.internal.FeatureFlags;
import app.covenant.identity.internal.OrganizationAdministration;
import app.covenant.shared.security.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organization's feature switches. htmx swaps the one switch; without it the page reloads. */
@Controller
@RequestMapping("/admin/features")
class FeatureAdminPages {

    static final String LIST = "identity/admin-features";

    /** A switch as shown: what it does in words an administrator recognises. */
    record Switch(String key, String title, String description, boolean enabled) {
    }

    private static final Map<Feature, String[]> TEXTS = Map.of(
            Feature.FINANCE_WORKFLOW, new String[]{"Finance approval",
                    "Contracts also need a finance manager's approval before they go out."},
            Feature.AI_ANALYSIS, new String[]{"AI contract analysis",
                    "People with the permission can ask the configured AI provider to review a contract."},
            Feature.OCR, new String[]{"Text recognition of scans",
                    "Scanned certificates and contracts are read with OCR where Tesseract is installed."},
            Feature.PARALLEL_NEGOTIATION, new String[]{"Parallel negotiation",
                    "Contracts may go to the counterparty while they are still in internal review."});

    private final FeatureFlags flags;
    private final OrganizationAdministration organizations;

    FeatureAdminPages(FeatureFlags flags, OrganizationAdministration organizations) {
        this.flags = flags;
        this.organizations = organizations;
    }

    @PreAuthorize("hasAuthority('feature:manage')")
    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("switches", switches(flags.of(caller.organizationId())));
        return LIST;
    }

    @PreAuthorize("hasAuthority('feature:manage')")
    @PostMapping("/{key}")
    String set(@AuthenticationPrincipal Caller caller, @PathVariable String key, @RequestParam(defaultValue = "false") boolean enabled,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, Boolean> now = organizations.setFeature(caller, key, enabled);
        if (htmx == null) {
            return "redirect:/admin/features?done=feature-saved";
        }
        model.addAttribute("feature", switches(now).stream().filter(s -> s.key().equalsIgnoreCase(key)).findFirst()
                .orElseThrow());
        model.addAttribute("switchMessage", Flash.message("feature-saved"));
        return LIST + " :: feature-row";
    }

    private static List<Switch> switches(Map<String, Boolean> enabled) {
        return Arrays.stream(Feature.values()).map(feature -> {
            String[] text = TEXTS.getOrDefault(feature, new String[]{feature.name(), ""});
            return new Switch(feature.name(), text[0], text[1], Boolean.TRUE.equals(enabled.get(feature.name())));
        }).toList();
    }
}
