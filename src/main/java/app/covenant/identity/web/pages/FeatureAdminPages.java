package app.covenant.identity.web.pages;

import app.covenant.identity.internal.FeatureFlags;
import app.covenant.identity.internal.OrganizationAdministration;
import app.covenant.shared.security.Caller;
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

/**
 * The organization's feature switches: the flags the modules declare, with their own titles and
 * descriptions. htmx swaps the one switch; without it the page reloads.
 */
@Controller
@RequestMapping("/admin/features")
class FeatureAdminPages {

    static final String LIST = "identity/admin-features";

    /** A switch as shown: what it does in words an administrator recognises. */
    record Switch(String key, String title, String description, boolean enabled) {
    }

    private final FeatureFlags flags;
    private final OrganizationAdministration organizations;

    FeatureAdminPages(FeatureFlags flags, OrganizationAdministration organizations) {
        this.flags = flags;
        this.organizations = organizations;
    }

    @PreAuthorize("hasAuthority('feature:manage')")
    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String feature,
                @RequestParam(required = false) Boolean switched, Model model) {
        model.addAttribute("switches", switches(flags.of(caller.organizationId())));
        // The flash after a change without htmx: only a declared flag's own title is ever shown.
        flags.find(feature == null ? "" : feature).filter(found -> switched != null)
                .ifPresent(found -> model.addAttribute("flash", message(found.title(), switched)));
        return LIST;
    }

    @PreAuthorize("hasAuthority('feature:manage')")
    @PostMapping("/{key}")
    String set(@AuthenticationPrincipal Caller caller, @PathVariable String key, @RequestParam(defaultValue = "false") boolean enabled,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Map<String, Boolean> now = organizations.setFeature(caller, key, enabled);
        Switch changed = switches(now).stream().filter(s -> s.key().equalsIgnoreCase(key.trim())).findFirst()
                .orElseThrow();
        if (htmx == null) {
            return "redirect:/admin/features?feature=" + changed.key() + "&switched=" + enabled;
        }
        model.addAttribute("feature", changed);
        model.addAttribute("switchMessage", message(changed.title(), enabled));
        return LIST + " :: feature-row";
    }

    private List<Switch> switches(Map<String, Boolean> enabled) {
        return flags.declared().stream().map(flag -> new Switch(flag.key(), flag.title(), flag.description(),
                Boolean.TRUE.equals(enabled.get(flag.key())))).toList();
    }

    private static String message(String title, boolean on) {
        return title + " is switched " + (on ? "on" : "off") + ".";
    }
}
