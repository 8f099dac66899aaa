package app.covenant.identity.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of the organization being looked at, as its administrators see them. Until the person
 * accepts the invitation ({@code status} {@code INVITED}), only the invitation shows: the address, the
 * name the inviter typed, the role offered.
 *
 * @param status            {@code INVITED}, {@code ACTIVE}, {@code SUSPENDED} (in this organization) or
 *                          {@code DEACTIVATED} (the account)
 * @param locked            too many failed sign-ins: refused until the lock runs out or someone unlocks
 *                          (shown to those who may unlock)
 * @param accountManageable the caller may change the account itself (name, phone, deactivate, unlock),
 *                          not only the membership here
 */
public record UserView(UUID id, String email, String name, String phone, String status, boolean emailVerified,
                       Instant lastSignInAt, Instant createdAt, UUID organizationId, String roleCode, boolean locked,
                       boolean accountManageable) {
}
