package app.covenant.identity.web.pages;

import app.covenant.platform.ui.FlashMessages;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity pages' success messages after POST-redirect-GET, declared to the platform's web kit: the
 * redirect carries only a short key ({@code ?done=invited}) and every page's {@code flash} is its sentence.
 */
@Configuration(proxyBeanMethods = false)
class Flash {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("signed-out", "You are signed out."),
            Map.entry("password-reset", "Your password is changed. Sign in with the new one."),
            Map.entry("reset-sent", "If the address belongs to an account, we sent a link to reset the password. "
                    + "It works once, for one hour. Check your spam folder if nothing arrives."),
            Map.entry("email-verified", "Your e-mail address is confirmed. Thank you."),
            Map.entry("password-changed", "Your password is changed. Your other sessions were signed out."),
            Map.entry("session-revoked", "The session is signed out."),
            Map.entry("invited", "The invitation is on its way."),
            Map.entry("invitation-resent", "A fresh invitation is on its way; the earlier link no longer works."),
            Map.entry("role-changed", "The role is changed. It applies from the user's next click."),
            Map.entry("deactivated", "The user is deactivated and signed out everywhere."),
            Map.entry("reactivated", "The user is active again."),
            Map.entry("unlocked", "Failed sign-ins are forgotten; the user can sign in again."),
            Map.entry("suspended", "The membership is suspended: they cannot work in this organization until reinstated."),
            Map.entry("reinstated", "The membership is active again."),
            Map.entry("removed", "They are no longer a member of this organization (an invitation not accepted is withdrawn)."),
            Map.entry("invitation-declined", "The invitation is declined; its link no longer works."),
            Map.entry("role-created", "The role is created."),
            Map.entry("role-saved", "The role is saved. It applies from each holder's next click."),
            Map.entry("role-deleted", "The role is deleted."),
            Map.entry("organization-created", "The organization is created."),
            Map.entry("organization-saved", "The organization is saved."));

    Flash() {
    }

    @Bean
    static FlashMessages identityFlashMessages() {
        return new FlashMessages("identity", MESSAGES);
    }

    /** The message for one of identity's keys, for an htmx row that shows it in place of a redirect. */
    static String message(String key) {
        return key == null ? null : MESSAGES.get(key);
    }
}
