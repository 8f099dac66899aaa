package app.covenant.platform.ui;

import jakarta.servlet.http.HttpServletRequest;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UrlPathHelper;

/** Puts the navigation into the model of every page, so the layout never depends on a controller. */
@ControllerAdvice
class NavigationModelAdvice {

    private final Navigation navigation;

    NavigationModelAdvice(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("navigation")
    List<Navigation.Section> navigation(HttpServletRequest request) {
        return navigation.sectionsFor(UrlPathHelper.defaultInstance.getPathWithinApplication(request),
                permissionsOfCurrentUser());
    }

    private static Set<String> permissionsOfCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? caller.permissions() : Set.of();
    }
}
