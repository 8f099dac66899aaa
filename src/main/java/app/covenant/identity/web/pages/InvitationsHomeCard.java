package app.covenant.identity.web.pages;

import app.covenant.identity.IdentityPermissions;
import app.covenant.identity.internal.PendingInvitations;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCard.Urgency;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For people who invite: the invitations into their organization not yet accepted. The card links to
 * the users list, so it also needs {@code user:read}.
 */
@Component
class InvitationsHomeCard implements HomeCardSource {

    private final PendingInvitations pending;

    InvitationsHomeCard(PendingInvitations pending) {
        this.pending = pending;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        if (!caller.has(IdentityPermissions.USER_INVITE) || !caller.has(IdentityPermissions.USER_READ)) {
            return List.of();
        }
        long count = pending.count(caller.organizationId());
        return List.of(new HomeCard("Invitations awaiting acceptance", count,
                count == 1 ? "One person has not accepted yet; send the link again if it expired."
                        : "People who have not accepted yet; send the link again if it expired.",
                "/admin/users?status=PENDING", "user", Urgency.ATTENTION));
    }
}
