package app.covenant.platform.ui;

import app.covenant.shared.security.Caller;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The left navigation of the page being rendered. The layout asks for it ({@code ${@currentNavigation.sections()}})
 * instead of a controller advice adding it to the model: an advice's model attributes are not added to
 * the views of exception handlers, so error pages (a 403 from a page's permission check) lost the
 * navigation; htmx fragments and JSON no longer compute it either.
 */
@Component("currentNavigation")
public class CurrentNavigation {

    private final Navigation navigation;

    CurrentNavigation(Navigation navigation) {
        this.navigation = navigation;
    }

    /** The sections the signed-in person (or a visitor) may see, the current page's link marked. */
    public List<Navigation.Section> sections() {
        return navigation.sectionsFor(requestPath(), permissionsOfCurrentUser());
    }

    private static Set<String> permissionsOfCurrentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? caller.permissions() : Set.of();
    }

    /** The path of the page asked for: on an error page, the original one rather than the error path. */
    private static String requestPath() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String value ? value : request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }
}
