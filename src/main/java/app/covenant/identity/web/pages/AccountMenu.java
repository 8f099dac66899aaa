package app.covenant.identity.web.pages;

import app.covenant.identity.internal.OrganizationAdministration;
import app.covenant.identity.internal.OrganizationView;
import app.covenant.platform.ui.LocalRedirects;
import app.covenant.shared.security.Caller;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The user menu and organization switcher of the top bar. The layout asks for it while rendering
 * ({@code ${@accountMenu.current()}}) rather than every controller adding it to the model, so JSON and
 * htmx fragment responses never pay for the organization lookup.
 */
@Component("accountMenu")
public class AccountMenu {

    private static final java.util.Set<String> SIGN_IN_PAGES = java.util.Set.of("/login", "/forgot-password",
            "/reset-password", "/accept-invite", "/verify-email");

    private final OrganizationAdministration organizations;

    AccountMenu(OrganizationAdministration organizations) {
        this.organizations = organizations;
    }

    /** The signed-in user's menu, or {@code null} for an anonymous visitor. */
    public Menu current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            return null;
        }
        List<OrganizationView> mine;
        try {
            mine = organizations.mine(caller);
        } catch (DataAccessException unavailable) {
            // The error page must render even while the database is away: show the menu without organizations.
            mine = List.of();
        }
        String organizationName = mine.stream().filter(org -> org.id().equals(caller.organizationId()))
                .map(OrganizationView::name).findFirst().orElse(null);
        // The switcher appears only when there is somewhere else to go.
        List<OrganizationView> switchable = mine.size() > 1 ? mine : List.of();
        return new Menu(caller.name(), caller.email(), organizationName, caller.organizationId(), switchable,
                currentPath());
    }

    /** Whether a visitor's top bar offers "Sign in": not on the sign-in pages themselves. */
    public boolean offersSignIn() {
        return !SIGN_IN_PAGES.contains(requestPath());
    }

    /** Where the switcher returns to: this page (the original one when an error page is shown). */
    private static String currentPath() {
        return LocalRedirects.localPath(requestPath());
    }

    private static String requestPath() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/";
        }
        HttpServletRequest request = attributes.getRequest();
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String value ? value : request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }

    /** What the top bar shows; {@code switchable} is empty when the user belongs to one organization. */
    public record Menu(String name, String email, String organizationName, UUID organizationId,
                       List<OrganizationView> switchable, String path) {

        /** Up to two letters for the avatar circle. */
        public String initials() {
            String source = name == null || name.isBlank() ? email : name;
            return Arrays.stream(source.trim().split("[\\s@._-]+")).filter(part -> !part.isEmpty()).limit(2)
                    .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT)).collect(Collectors.joining());
        }
    }
}
