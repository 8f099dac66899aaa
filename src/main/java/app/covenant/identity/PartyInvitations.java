package app.covenant.identity;

import app.covenant.shared.security.Caller;
import java.util.UUID;

/**
 * Brings the outside parties of a workflow into the organization — a contractor's or subcontractor's
 * people, an insurance broker — by invitation link, never with a password. The calling module has already
 * decided that {@code inviter} may involve this person (a sub names its broker; a GC adds a sub's contact),
 * so the inviter need not hold the permissions of the party role, and only the party roles can be given.
 */
public interface PartyInvitations {

    /**
     * Invites {@code email} into the inviter's organization with {@code role}, e-mailing a link that is valid
     * for the usual invitation time. Someone who is already a member of the organization, or already invited,
     * is not invited again: the answer is then their user id and {@link Invited#newInvitation()} is false.
     *
     * @throws app.covenant.shared.problem.ProblemException {@code 400} for an address without a deliverable domain
     */
    Invited invite(Caller inviter, String email, String name, PartyRole role);

    /** The roles of people outside the organization's own staff. */
    enum PartyRole {
        CONTRACTOR, SUBCONTRACTOR, BROKER
    }

    /** @param userId the account invited (or found) */
    record Invited(UUID userId, boolean newInvitation) {
    }
}
