package app.covenant.identity.internal;

import app.covenant.identity.events.InvitationAccepted;
import app.covenant.notifications.Notice;
import app.covenant.notifications.NotificationType;
import app.covenant.notifications.Notifier;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who sent an invitation that it was accepted. Lives in identity, not in
 * notifications, because notifications must not depend on identity (identity sends its e-mail
 * through it); the fact itself is published as {@link InvitationAccepted} for any other module too.
 */
@Component
class InvitationAcceptedNotifications {

    static final String TYPE = "identity.invitation-accepted";

    private final Notifier notifier;

    InvitationAcceptedNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @Bean
    static NotificationType invitationAcceptedType() {
        return new NotificationType(TYPE, "Invitation accepted", "Someone you invited accepted and joined.", true,
                false);
    }

    // Idempotent: the event registry may deliver it again after a crash; the once-key tells the inviter once.
    @ApplicationModuleListener
    void on(InvitationAccepted accepted) {
        if (accepted.invitedByUserId() == null || accepted.organizationId() == null
                || accepted.invitedByUserId().equals(accepted.invitedUserId())) {
            return;
        }
        String who = accepted.name() == null || accepted.name().isBlank() ? accepted.email() : accepted.name();
        notifier.notify(List.of(accepted.invitedByUserId()), Notice.of(accepted.organizationId(), TYPE,
                        abbreviate(who) + " accepted your invitation",
                        who + " (" + accepted.email() + ") accepted your invitation and can now sign in.",
                        "/admin/users/" + accepted.invitedUserId())
                .once("invitation-accepted:" + accepted.organizationId() + ":" + accepted.invitedUserId()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 150 ? text : text.substring(0, 150) + "…";
    }
}
