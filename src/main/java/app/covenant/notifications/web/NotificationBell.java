package app.covenant.notifications.web;

import app.covenant.shared.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether the layout shows the bell ({@code ${@notificationBell.shown()}}): only to a signed-in user who
 * receives notifications. It queries nothing, so every page (the error page too) renders without the
 * database; the count arrives by the bell's first htmx request.
 */
@Component("notificationBell")
public class NotificationBell {

    public boolean shown() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                && caller.has("notification:read");
    }
}
