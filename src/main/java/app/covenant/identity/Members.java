package app.covenant.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is who in an organization, for the modules above identity: whom to notify (the contract approvers,
 * the certificate reviewers: members holding a permission) and how to show people (names and e-mail
 * addresses by id). Each answer comes from one query and never includes another organization's people.
 */
public interface Members {

    /**
     * The members who can act on {@code permission} in the organization now: an active membership whose role
     * holds it, on an active account. Pending invitations, suspended memberships and deactivated accounts
     * are left out. Ordered by name.
     */
    List<Member> holding(UUID organizationId, String permission);

    /**
     * Name and address of those of {@code userIds} who are or were members of the organization (past
     * approvers keep their names on a record), with {@link Member#active()} telling whether they can act
     * today. Ids of people outside the organization are absent from the answer.
     */
    Map<UUID, Member> byIds(UUID organizationId, Collection<UUID> userIds);

    /**
     * A person as an organization knows them. For an invitation not yet accepted, {@code name} is the name
     * the inviting administrator typed, never the account's own.
     *
     * @param active an active membership on an active account
     */
    record Member(UUID userId, String name, String email, boolean active) {
    }
}
